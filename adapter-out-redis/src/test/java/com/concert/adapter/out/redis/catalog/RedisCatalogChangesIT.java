package com.concert.adapter.out.redis.catalog;

import com.concert.adapter.out.redis.RedisNamespace;
import com.concert.adapter.out.redis.connection.LettuceRedis;
import com.concert.adapter.out.redis.connection.RedisConnectionProperties;
import com.concert.domain.concert.ConcertId;
import com.concert.testsupport.redis.RedisFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two service instances, each with its own connection: a change announced by one reaches both within a second. */
class RedisCatalogChangesIT {

    private static LettuceRedis connect() {
        RedisFixture fixture = RedisFixture.shared();
        return LettuceRedis.connect(new RedisConnectionProperties(null, fixture.host(), fixture.port(), fixture.database(),
                null, null, Duration.ofSeconds(2), Duration.ofSeconds(2), new RedisConnectionProperties.Cluster(List.of())));
    }

    @Test
    void aChangeAnnouncedByOneInstanceReachesEveryInstance() {
        RedisNamespace namespace = new RedisNamespace(RedisFixture.shared().keyPrefix() + "changes:");
        List<ConcertId> seenByFirst = new CopyOnWriteArrayList<>();
        List<ConcertId> seenBySecond = new CopyOnWriteArrayList<>();
        try (LettuceRedis first = connect(); LettuceRedis second = connect();
             RedisCatalogChanges one = new RedisCatalogChanges(first, namespace, seenByFirst::add);
             RedisCatalogChanges two = new RedisCatalogChanges(second, namespace, seenBySecond::add)) {

            one.published(new ConcertId(42));

            await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(seenBySecond).containsExactly(new ConcertId(42));
                assertThat(seenByFirst).as("its own announcement too").containsExactly(new ConcertId(42));
            });
            two.published(new ConcertId(7));
            await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(seenByFirst).contains(new ConcertId(7)));
        }
    }

    @Test
    void anotherNamespaceHearsNothing() throws InterruptedException {
        List<ConcertId> heard = new CopyOnWriteArrayList<>();
        try (LettuceRedis first = connect(); LettuceRedis second = connect();
             RedisCatalogChanges publisher = new RedisCatalogChanges(first,
                     new RedisNamespace(RedisFixture.shared().keyPrefix() + "a:"), id -> { });
             RedisCatalogChanges stranger = new RedisCatalogChanges(second,
                     new RedisNamespace(RedisFixture.shared().keyPrefix() + "b:"), heard::add)) {

            publisher.published(new ConcertId(1));
            Thread.sleep(300);

            assertThat(heard).isEmpty();
        }
    }
}
