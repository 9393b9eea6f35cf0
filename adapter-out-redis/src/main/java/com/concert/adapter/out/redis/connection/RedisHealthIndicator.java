package com.concert.adapter.out.redis.connection;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Redis is up when it answers PING within the command timeout; readiness goes DOWN when it does not. */
public final class RedisHealthIndicator extends AbstractHealthIndicator {

    private final LettuceRedis redis;

    public RedisHealthIndicator(LettuceRedis redis) {
        super("Redis health check failed");
        this.redis = redis;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long started = System.nanoTime();
        String reply = redis.commands().ping();
        builder.up()
                .withDetail("target", redis.describe())
                .withDetail("reply", reply)
                .withDetail("latencyMicros", (System.nanoTime() - started) / 1_000);
    }
}
