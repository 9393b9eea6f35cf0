package com.concert.adapter.out.redis.ratelimit;

import com.concert.adapter.out.redis.RedisNamespace;
import com.concert.adapter.out.redis.connection.LettuceRedis;
import com.concert.adapter.out.redis.connection.RedisScript;
import com.concert.application.ratelimit.port.out.RateLimiter;
import io.lettuce.core.ScriptOutputType;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@link RateLimiter} as one hash per bucket ({@code rate:<kind>:{<subject>}}), updated by one script. */
public final class RedisRateLimiter implements RateLimiter {

    private static final RedisScript TAKE = RedisScript.load("rate-limit");

    private final LettuceRedis redis;
    private final RedisNamespace namespace;

    public RedisRateLimiter(LettuceRedis redis, RedisNamespace namespace) {
        this.redis = redis;
        this.namespace = namespace;
    }

    @Override
    public Optional<Duration> tryAcquire(String kind, String subject, double perSecond, int burst, Instant now) {
        String bucket = namespace.key("rate:" + kind + ":{" + subject + "}");
        Long waitMillis = TAKE.run(redis, ScriptOutputType.INTEGER, new String[]{bucket},
                Double.toString(perSecond / 1000.0), Integer.toString(burst), Long.toString(now.toEpochMilli()));
        return waitMillis == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(waitMillis));
    }
}
