package com.concert.adapter.out.redis.lock;

import com.concert.adapter.out.redis.RedisNamespace;
import com.concert.adapter.out.redis.connection.LettuceRedis;
import com.concert.adapter.out.redis.connection.RedisFailures;
import com.concert.adapter.out.redis.connection.RedisScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * ShedLock's {@link LockProvider} over the service's one Lettuce connection: a lock is a key ({@code lock:<name>}
 * in the namespace) holding this instance's id, taken by one {@code SET NX PX} for {@code lockAtMostFor} and ended
 * by one script that keeps it until {@code lockAtLeastFor} has passed. Every time is a duration Redis counts, so
 * the instances' clocks need not agree. One key per lock, so it works unchanged on Redis Cluster. A Redis that
 * cannot be reached surfaces as {@link com.concert.application.shared.DependencyUnavailableException}.
 */
public final class RedisLockProvider implements LockProvider {

    private static final RedisScript RELEASE = RedisScript.load("lock-release");

    private final LettuceRedis redis;
    private final RedisNamespace namespace;
    private final String holder = UUID.randomUUID().toString();

    public RedisLockProvider(LettuceRedis redis, RedisNamespace namespace) {
        this.redis = redis;
        this.namespace = namespace;
    }

    @Override
    public Optional<SimpleLock> lock(LockConfiguration configuration) {
        String key = namespace.key("lock:" + configuration.getName());
        long atMost = Math.max(1, configuration.getLockAtMostFor().toMillis());
        String taken = RedisFailures.translate(() -> redis.commands().set(key, holder, SetArgs.Builder.nx().px(atMost)));
        if (!"OK".equals(taken)) {
            return Optional.empty();
        }
        Instant atLeastUntil = ClockProvider.now().plus(configuration.getLockAtLeastFor());
        return Optional.of(() -> release(key, atLeastUntil));
    }

    private void release(String key, Instant atLeastUntil) {
        long keep = Duration.between(ClockProvider.now(), atLeastUntil).toMillis();
        RELEASE.run(redis, ScriptOutputType.INTEGER, new String[]{key}, holder, Long.toString(keep));
    }
}
