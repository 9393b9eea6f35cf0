package com.concert.adapter.out.redis.connection;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

import java.time.Duration;
import java.util.List;

/**
 * One long-lived, thread-safe Lettuce connection shared by every caller (Lettuce pipelines concurrent
 * commands over it), to a single server or to a Redis Cluster. While Redis is unreachable, commands fail at
 * once instead of queueing, and the connection reconnects by itself when Redis is back.
 */
public final class LettuceRedis implements AutoCloseable {

    private final RedisConnectionProperties properties;
    private final ClientResources resources;
    private final RedisClient client;
    private final RedisClusterClient clusterClient;
    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> commands;
    private final RedisClusterAsyncCommands<String, String> async;

    private LettuceRedis(RedisConnectionProperties properties) {
        this.properties = properties;
        this.resources = DefaultClientResources.builder().build();
        SocketOptions socket = SocketOptions.builder().connectTimeout(properties.connectTimeout()).keepAlive(true).build();
        TimeoutOptions timeouts = TimeoutOptions.enabled(properties.timeout());
        try {
            if (properties.cluster().isConfigured()) {
                this.client = null;
                this.clusterClient = RedisClusterClient.create(resources, clusterUris(properties));
                clusterClient.setOptions(ClusterClientOptions.builder()
                        .socketOptions(socket)
                        .timeoutOptions(timeouts)
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                                .enableAllAdaptiveRefreshTriggers()
                                .enablePeriodicRefresh(Duration.ofSeconds(30))
                                .build())
                        .build());
                StatefulRedisClusterConnection<String, String> cluster = clusterClient.connect();
                this.connection = cluster;
                this.commands = cluster.sync();
                this.async = cluster.async();
            } else {
                this.clusterClient = null;
                this.client = RedisClient.create(resources, standaloneUri(properties));
                client.setOptions(ClientOptions.builder()
                        .socketOptions(socket)
                        .timeoutOptions(timeouts)
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build());
                StatefulRedisConnection<String, String> single = client.connect();
                this.connection = single;
                this.commands = single.sync();
                this.async = single.async();
            }
        } catch (RedisException e) {
            resources.shutdown();
            throw new RedisUnreachableException(properties.describe(), e);
        }
    }

    /**
     * Connects now, so that a service started without Redis stops with a clear message instead of failing
     * its first requests.
     *
     * @throws RedisUnreachableException when Redis does not answer
     */
    public static LettuceRedis connect(RedisConnectionProperties properties) {
        return new LettuceRedis(properties);
    }

    /** Synchronous commands common to a single server and a cluster; safe to share between threads. */
    public RedisClusterCommands<String, String> commands() {
        return commands;
    }

    /** Asynchronous commands on the same connection: commands sent back to back are pipelined. */
    public RedisClusterAsyncCommands<String, String> async() {
        return async;
    }

    /**
     * Whether the shared connection is up now. While it is not, every command is refused at once (see the class
     * comment): this is Redis's counterpart of the database's circuit breaker, without a breaker to keep.
     */
    public boolean isConnected() {
        return connection.isOpen();
    }

    public boolean isCluster() {
        return clusterClient != null;
    }

    /** A new connection for subscribing to channels; the caller closes it. */
    public StatefulRedisPubSubConnection<String, String> connectPubSub() {
        if (clusterClient != null) {
            StatefulRedisClusterPubSubConnection<String, String> pubSub = clusterClient.connectPubSub();
            return pubSub;
        }
        return client.connectPubSub();
    }

    public String describe() {
        return properties.describe();
    }

    @Override
    public void close() {
        connection.close();
        if (client != null) {
            client.shutdown();
        }
        if (clusterClient != null) {
            clusterClient.shutdown();
        }
        resources.shutdown();
    }

    private static RedisURI standaloneUri(RedisConnectionProperties properties) {
        RedisURI uri = properties.url() != null && !properties.url().isBlank()
                ? RedisURI.create(properties.url())
                : RedisURI.builder().withHost(properties.host()).withPort(properties.port())
                        .withDatabase(properties.database()).build();
        applyCredentials(uri, properties);
        uri.setTimeout(properties.timeout());
        return uri;
    }

    private static List<RedisURI> clusterUris(RedisConnectionProperties properties) {
        return properties.cluster().nodes().stream().map(node -> {
            int colon = node.lastIndexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("spring.data.redis.cluster.nodes entries are host:port, got " + node);
            }
            RedisURI uri = RedisURI.create(node.substring(0, colon).strip(), Integer.parseInt(node.substring(colon + 1).strip()));
            applyCredentials(uri, properties);
            uri.setTimeout(properties.timeout());
            return uri;
        }).toList();
    }

    private static void applyCredentials(RedisURI uri, RedisConnectionProperties properties) {
        if (properties.password() != null && !properties.password().isEmpty()) {
            String username = properties.username() == null || properties.username().isEmpty() ? null : properties.username();
            uri.setCredentialsProvider(RedisCredentialsProvider.from(() ->
                    RedisCredentials.just(username, properties.password())));
        }
    }
}
