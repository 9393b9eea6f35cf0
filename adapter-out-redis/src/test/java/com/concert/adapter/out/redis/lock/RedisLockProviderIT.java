package com.concert.adapter.out.redis.lock;

import com.concert.adapter.out.redis.RedisNamespace;
import com.concert.adapter.out.redis.connection.LettuceRedis;
import com.concert.adapter.out.redis.connection.RedisConnectionProperties;
import com.concert.testsupport.redis.RedisFixture;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Two service instances, each with its own connection, asking for one lock. */
class RedisLockProviderIT {

    private final RedisNamespace namespace = new RedisNamespace(RedisFixture.shared().keyPrefix() + "locks-"
            + System.nanoTime() + ":");
    private final LettuceRedis one = connect();
    private final LettuceRedis two = connect();
    private final RedisLockProvider first = new RedisLockProvider(one, namespace);
    private final RedisLockProvider second = new RedisLockProvider(two, namespace);

    private static LettuceRedis connect() {
        RedisFixture fixture = RedisFixture.shared();
        return LettuceRedis.connect(new RedisConnectionProperties(null, fixture.host(), fixture.port(), fixture.database(),
                null, null, Duration.ofSeconds(2), Duration.ofSeconds(2), new RedisConnectionProperties.Cluster(List.of())));
    }

    private static LockConfiguration lock(Duration atMost, Duration atLeast) {
        return new LockConfiguration(Instant.now(), "admission", atMost, atLeast);
    }

    @AfterEach
    void close() {
        one.close();
        two.close();
    }

    @Test
    void aLockIsHeldByOneInstanceAtATime_andFreeOnceReleased() {
        Optional<SimpleLock> taken = first.lock(lock(Duration.ofSeconds(5), Duration.ZERO));

        assertThat(taken).isPresent();
        assertThat(second.lock(lock(Duration.ofSeconds(5), Duration.ZERO))).isEmpty();
        assertThat(first.lock(lock(Duration.ofSeconds(5), Duration.ZERO))).as("not re-entrant either").isEmpty();
        taken.get().unlock();
        assertThat(second.lock(lock(Duration.ofSeconds(5), Duration.ZERO))).isPresent();
    }

    @Test
    void aReleasedLockStaysTakenUntilItsLeastTime_soThePeriodRunsOnce() throws InterruptedException {
        first.lock(lock(Duration.ofSeconds(5), Duration.ofMillis(400))).orElseThrow().unlock();

        assertThat(second.lock(lock(Duration.ofSeconds(5), Duration.ZERO))).as("within the least time").isEmpty();
        Thread.sleep(600);
        assertThat(second.lock(lock(Duration.ofSeconds(5), Duration.ZERO))).as("after it").isPresent();
    }

    @Test
    void aHolderThatDies_freesTheLockAfterItsMostTime() throws InterruptedException {
        assertThat(first.lock(lock(Duration.ofMillis(300), Duration.ZERO))).isPresent();

        Thread.sleep(500);

        assertThat(second.lock(lock(Duration.ofSeconds(5), Duration.ZERO))).isPresent();
    }

    @Test
    void aLateReleaseDoesNotEndTheNextHoldersLock() throws InterruptedException {
        SimpleLock stale = first.lock(lock(Duration.ofMillis(200), Duration.ZERO)).orElseThrow();
        Thread.sleep(400);
        SimpleLock current = second.lock(lock(Duration.ofSeconds(5), Duration.ZERO)).orElseThrow();

        stale.unlock();

        assertThat(first.lock(lock(Duration.ofSeconds(5), Duration.ZERO))).as("still the second's").isEmpty();
        current.unlock();
    }

    @Test
    void twoHundredConcurrentRounds_onTwoInstances_runOnce() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        DefaultLockingTaskExecutor onFirst = new DefaultLockingTaskExecutor(first);
        DefaultLockingTaskExecutor onSecond = new DefaultLockingTaskExecutor(second);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            for (int i = 0; i < 200; i++) {
                DefaultLockingTaskExecutor executor = i % 2 == 0 ? onFirst : onSecond;
                pool.submit(() -> {
                    start.await();
                    executor.executeWithLock((Runnable) ran::incrementAndGet,
                            lock(Duration.ofSeconds(5), Duration.ofSeconds(5)));
                    return null;
                });
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(ran).hasValue(1);
    }
}
