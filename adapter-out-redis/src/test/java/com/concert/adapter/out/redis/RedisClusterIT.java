package com.concert.adapter.out.redis;

import com.concert.adapter.out.redis.catalog.RedisCatalogChanges;
import com.concert.adapter.out.redis.connection.LettuceRedis;
import com.concert.adapter.out.redis.connection.RedisConnectionProperties;
import com.concert.adapter.out.redis.lock.RedisLockProvider;
import com.concert.adapter.out.redis.queue.RedisQueueStore;
import com.concert.adapter.out.redis.ratelimit.RedisRateLimiter;
import com.concert.application.contract.QueueStoreContract;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.queue.QueueStore;
import com.concert.domain.queue.QueueTokenId;
import com.concert.domain.shared.UserId;
import com.concert.testsupport.redis.RedisClusterFixture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Redis adapters on a real three-master Redis Cluster (see {@link RedisClusterFixture}): the queue's whole
 * contract, its keys spread over the masters, catalog changes between two connections, the rate limiter and
 * the lease.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisClusterIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LettuceRedis redis;
    private RedisNamespace namespace;

    private static LettuceRedis connect() {
        return LettuceRedis.connect(new RedisConnectionProperties(null, "localhost", 6379, 0, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(2),
                new RedisConnectionProperties.Cluster(RedisClusterFixture.shared().nodes())));
    }

    @BeforeAll
    void connectToTheCluster() {
        redis = connect();
        namespace = new RedisNamespace(RedisClusterFixture.shared().keyPrefix());
    }

    @AfterAll
    void disconnect() {
        redis.close();
    }

    /** The queue's contract, run against the cluster. */
    @Nested
    class Contract extends QueueStoreContract {

        @Override
        protected QueueStore store() {
            return new RedisQueueStore(redis, namespace);
        }
    }

    @Test
    void isReallyACluster() {
        assertThat(redis.isCluster()).isTrue();
        assertThat(redis.commands().clusterInfo()).contains("cluster_state:ok", "cluster_size:3");
    }

    @Test
    void theLinesOfManyConcerts_spreadOverEveryMaster() {
        RedisNamespace spread = new RedisNamespace(namespace.prefix() + "spread:");
        RedisQueueStore store = new RedisQueueStore(redis, spread);
        for (long id = 1; id <= 60; id++) {
            ConcertId concert = new ConcertId(id);
            store.enter(concert, new UserId(1), QueueTokenId.generate(concert, RANDOM), Instant.now());
        }

        for (String node : RedisClusterFixture.shared().nodes()) {
            int colon = node.lastIndexOf(':');
            RedisClient client = RedisClient.create(RedisURI.create(node.substring(0, colon),
                    Integer.parseInt(node.substring(colon + 1))));
            try (StatefulRedisConnection<String, String> direct = client.connect()) {
                assertThat(direct.sync().keys(spread.key("queue:{c*"))).as("keys held by %s", node).isNotEmpty();
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void aCatalogChangeReachesAnInstanceConnectedThroughAnotherNode() {
        RedisNamespace changes = new RedisNamespace(namespace.prefix() + "changes:");
        List<ConcertId> heard = new CopyOnWriteArrayList<>();
        try (LettuceRedis other = connect();
             RedisCatalogChanges publisher = new RedisCatalogChanges(redis, changes, id -> { })) {
            RedisCatalogChanges listener = new RedisCatalogChanges(other, changes, heard::add);
            try {
                publisher.published(new ConcertId(42));

                await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(heard).contains(new ConcertId(42)));
            } finally {
                listener.close();
            }
        }
    }

    @Test
    void theRateLimiter_countsOneBucketPerSubject() {
        RedisRateLimiter limiter = new RedisRateLimiter(redis, new RedisNamespace(namespace.prefix() + "rate:"));
        Instant now = Instant.now();

        assertThat(limiter.tryAcquire("enter", "user-1", 1, 2, now)).isEmpty();
        assertThat(limiter.tryAcquire("enter", "user-1", 1, 2, now)).isEmpty();
        assertThat(limiter.tryAcquire("enter", "user-1", 1, 2, now)).isPresent();
        assertThat(limiter.tryAcquire("enter", "user-2", 1, 2, now)).as("another subject, another slot").isEmpty();
    }

    @Test
    void theSchedulersLock_isHeldByOneInstanceAtATime() {
        RedisNamespace locks = new RedisNamespace(namespace.prefix() + "lock:");
        try (LettuceRedis other = connect()) {
            RedisLockProvider first = new RedisLockProvider(redis, locks);
            RedisLockProvider second = new RedisLockProvider(other, locks);
            LockConfiguration admission = new LockConfiguration(Instant.now(), "admission", Duration.ofSeconds(5),
                    Duration.ZERO);

            SimpleLock held = first.lock(admission).orElseThrow();
            assertThat(second.lock(admission)).isEmpty();
            held.unlock();
            assertThat(second.lock(admission)).as("free once released").isPresent();
        }
    }
}
