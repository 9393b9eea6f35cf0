package com.concert.adapter.out.redis.catalog;

import com.concert.adapter.out.redis.RedisNamespace;
import com.concert.adapter.out.redis.connection.LettuceRedis;
import com.concert.adapter.out.redis.connection.RedisFailures;
import com.concert.application.catalog.port.in.ApplyCatalogChangeUseCase;
import com.concert.application.catalog.port.out.CatalogChanges;
import com.concert.domain.concert.ConcertId;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * {@link CatalogChanges} over a Redis channel ({@code catalog:changes} in the namespace): every instance
 * subscribes at start and hands each announced concert id to {@link ApplyCatalogChangeUseCase}, its own
 * announcements included. Redis delivers a message to the subscribers connected at that moment; an instance
 * that was disconnected misses it and relies on its copies' own deadlines. Lettuce subscribes again by itself
 * after a reconnect. On a Redis Cluster, a publish reaches subscribers on every node.
 */
public final class RedisCatalogChanges implements CatalogChanges, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisCatalogChanges.class.getName());

    private final LettuceRedis redis;
    private final ApplyCatalogChangeUseCase listener;
    private final String channel;
    private final StatefulRedisPubSubConnection<String, String> subscription;

    public RedisCatalogChanges(LettuceRedis redis, RedisNamespace namespace, ApplyCatalogChangeUseCase listener) {
        this.redis = redis;
        this.listener = listener;
        this.channel = namespace.key("catalog:changes");
        this.subscription = redis.connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                if (channel.equals(from)) {
                    deliver(listener, message);
                }
            }
        });
        RedisFailures.translate(() -> {
            subscription.sync().subscribe(channel);
            return channel;
        });
    }

    private static void deliver(ApplyCatalogChangeUseCase listener, String message) {
        try {
            listener.catalogChanged(new ConcertId(Long.parseLong(message)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignored a catalog change message {0}: {1}", message, e.getMessage());
        }
    }

    @Override
    public void published(ConcertId concert) {
        RedisFailures.translate(() -> redis.commands().publish(channel, concert.toString()));
    }

    @Override
    public void close() {
        subscription.close();
    }
}
