package com.concert.adapter.out.redis.lease;

import com.concert.adapter.out.redis.RedisNamespace;
import com.concert.adapter.out.redis.connection.LettuceRedis;
import com.concert.adapter.out.redis.connection.RedisScript;
import com.concert.application.queue.port.out.Lease;
import io.lettuce.core.ScriptOutputType;

import java.time.Duration;
import java.util.UUID;

/** {@link Lease} as a Redis key holding this instance's id, taken or renewed atomically by one script. */
public final class RedisLease implements Lease {

    private static final RedisScript ACQUIRE = RedisScript.load("lease-acquire");

    private final LettuceRedis redis;
    private final RedisNamespace namespace;
    private final String holder = UUID.randomUUID().toString();

    public RedisLease(LettuceRedis redis, RedisNamespace namespace) {
        this.redis = redis;
        this.namespace = namespace;
    }

    @Override
    public boolean tryAcquire(String name, Duration ttl) {
        Long held = ACQUIRE.run(redis, ScriptOutputType.INTEGER, new String[]{namespace.key("lease:" + name)},
                holder, Long.toString(Math.max(1, ttl.toMillis())));
        return held == 1L;
    }
}
