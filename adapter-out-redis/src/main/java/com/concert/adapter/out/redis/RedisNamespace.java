package com.concert.adapter.out.redis;

import java.util.Objects;

/**
 * What every key of this deployment starts with ({@code concert.redis.key-prefix}), so that several
 * deployments, or test runs, can share one Redis without seeing each other.
 */
public record RedisNamespace(String prefix) {

    public RedisNamespace {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.contains("{") || prefix.contains("}")) {
            throw new IllegalArgumentException("concert.redis.key-prefix must not contain braces: they choose cluster slots");
        }
    }

    public String key(String name) {
        return prefix + name;
    }
}
