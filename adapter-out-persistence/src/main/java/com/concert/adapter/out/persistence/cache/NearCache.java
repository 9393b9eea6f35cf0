package com.concert.adapter.out.persistence.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import java.time.Duration;
import java.util.function.Function;

/**
 * An in-process copy of read results, one per kind of answer. A key is loaded once however many callers miss
 * it at the same moment (the others wait for that load), so a stampede of requests after an expiry costs one
 * query. Reports {@code cache.gets{cache=...,result=hit|miss}}, size and evictions to the meter registry. With
 * the cache switched off, every call loads.
 */
public final class NearCache<K, V> {

    private final Cache<K, V> cache;
    private final boolean enabled;

    private NearCache(Cache<K, V> cache, boolean enabled) {
        this.cache = cache;
        this.enabled = enabled;
    }

    /** Entries kept for {@code ttl} after they were loaded. */
    public static <K, V> NearCache<K, V> expiringAfter(String name, Duration ttl, long maximumSize,
                                                       NearCacheSettings settings, MeterRegistry registry) {
        Cache<K, V> cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).recordStats().build();
        return register(name, cache, settings, registry);
    }

    /** Entries kept until the instant each one names (never longer than {@code maxTtl}). */
    public static <K, V> NearCache<K, V> expiringAt(String name, Function<V, Duration> lifetime, Duration maxTtl,
                                                    long maximumSize, NearCacheSettings settings,
                                                    MeterRegistry registry) {
        Cache<K, V> cache = Caffeine.newBuilder()
                .expireAfter(Expiry.<K, V>creating((key, value) -> clamp(lifetime.apply(value), maxTtl)))
                .maximumSize(maximumSize)
                .recordStats()
                .build();
        return register(name, cache, settings, registry);
    }

    private static <K, V> NearCache<K, V> register(String name, Cache<K, V> cache, NearCacheSettings settings,
                                                   MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache, name);
        return new NearCache<>(cache, settings.enabled());
    }

    private static Duration clamp(Duration lifetime, Duration max) {
        if (lifetime.isNegative()) {
            return Duration.ZERO;
        }
        return lifetime.compareTo(max) > 0 ? max : lifetime;
    }

    /**
     * The copy of {@code key}, loading it on a miss. A loader answering {@code null} is not remembered: an
     * absent row may appear a moment later.
     */
    public V get(K key, Function<K, V> loader) {
        return enabled ? cache.get(key, loader) : loader.apply(key);
    }

    public void invalidate(K key) {
        cache.invalidate(key);
    }

    public void invalidateAll() {
        cache.invalidateAll();
    }
}
