package com.concert.adapter.out.redis.queue;

import com.concert.adapter.out.redis.RedisNamespace;
import com.concert.adapter.out.redis.connection.LettuceRedis;
import com.concert.adapter.out.redis.connection.RedisConnectionProperties;
import com.concert.application.contract.QueueStoreContract;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.queue.QueueEntry;
import com.concert.domain.queue.QueueStore;
import com.concert.domain.queue.QueueTokenId;
import com.concert.domain.shared.UserId;
import com.concert.testsupport.redis.RedisFixture;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue contract on real Redis, plus what only Redis can get wrong: slots, script loading. */
class RedisQueueStoreIT extends QueueStoreContract {

    private static LettuceRedis redis;
    private static RedisNamespace namespace;
    private static RedisQueueStore store;

    @BeforeAll
    static void connect() {
        RedisFixture fixture = RedisFixture.shared();
        redis = LettuceRedis.connect(new RedisConnectionProperties(null, fixture.host(), fixture.port(),
                fixture.database(), null, null, Duration.ofSeconds(2), Duration.ofSeconds(2),
                new RedisConnectionProperties.Cluster(List.of())));
        namespace = new RedisNamespace(fixture.keyPrefix());
        store = new RedisQueueStore(redis, namespace);
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @Override
    protected QueueStore store() {
        return store;
    }

    @Test
    void everyKeyOfOneConcert_sharesOneClusterSlot() {
        QueueKeys keys = QueueKeys.of(namespace, new ConcertId(42));

        assertThat(List.of(keys.forAdmit())).allSatisfy(key -> assertThat(key).contains("queue:{c42}:"));
        assertThat(List.of(keys.forAdmit())).extracting(SlotHash::getSlot).containsOnly(SlotHash.getSlot(keys.seq()));
    }

    @Test
    void aServerThatForgotTheScripts_isTaughtThemAgain() {
        ConcertId concert = new ConcertId(987_654_321);
        redis.commands().scriptFlush();

        QueueEntry entry = store.enter(concert, new UserId(1), QueueTokenId.generate(concert, new SecureRandom()),
                Instant.now());

        assertThat(entry.created()).isTrue();
        assertThat(store.find(entry.token().id(), new UserId(1), Instant.now())).isPresent();
    }
}
