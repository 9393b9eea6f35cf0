package com.concert.adapter.out.persistence.cache;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class NearCacheTest {

    @Test
    void aStampedeOfMissesOnOneKeyLoadsItOnce() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        NearCache<String, String> cache = NearCache.expiringAfter("stampede", Duration.ofMinutes(1), 10,
                new NearCacheSettings(true), registry);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);

        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return cache.get("seat-map", key -> {
                        loads.incrementAndGet();
                        sleep(200);
                        return "loaded";
                    });
                }));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("loaded");
            }
        }

        assertThat(loads).hasValue(1);
        assertThat(registry.get("cache.gets").tag("cache", "stampede").tag("result", "miss").functionCounter().count())
                .isEqualTo(1);
    }

    @Test
    void switchedOff_everyCallLoads() {
        NearCache<String, String> cache = NearCache.expiringAfter("off", Duration.ofMinutes(1), 10,
                new NearCacheSettings(false), new SimpleMeterRegistry());
        AtomicInteger loads = new AtomicInteger();

        cache.get("k", key -> "v" + loads.incrementAndGet());
        String second = cache.get("k", key -> "v" + loads.incrementAndGet());

        assertThat(second).isEqualTo("v2");
    }

    @Test
    void anAbsentAnswerIsNotRemembered() {
        NearCache<String, String> cache = NearCache.expiringAfter("absent", Duration.ofMinutes(1), 10,
                new NearCacheSettings(true), new SimpleMeterRegistry());

        assertThat(cache.get("k", key -> null)).isNull();
        assertThat(cache.get("k", key -> "created since")).isEqualTo("created since");
    }

    @Test
    void anEntryLastsUntilTheInstantItNames_neverLongerThanTheMaximum() throws InterruptedException {
        NearCache<String, Duration> cache = NearCache.expiringAt("deadline", lifetime -> lifetime, Duration.ofMillis(300),
                10, new NearCacheSettings(true), new SimpleMeterRegistry());

        cache.get("short", key -> Duration.ofMillis(50));
        cache.get("long", key -> Duration.ofHours(1));
        Thread.sleep(120);
        assertThat(cache.get("short", key -> Duration.ZERO)).as("reloaded").isEqualTo(Duration.ZERO);
        assertThat(cache.get("long", key -> Duration.ZERO)).isEqualTo(Duration.ofHours(1));
        Thread.sleep(300);
        assertThat(cache.get("long", key -> Duration.ZERO)).as("capped by the maximum").isEqualTo(Duration.ZERO);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
