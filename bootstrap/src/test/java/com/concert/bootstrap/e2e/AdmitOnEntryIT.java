package com.concert.bootstrap.e2e;

import com.concert.bootstrap.support.Api.Reply;
import com.concert.bootstrap.support.Concerts;
import com.concert.bootstrap.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code concert.queue.admit-on-entry} end to end: once a tick has run, a fan who enters while nobody waits is
 * let in at once and may shop, and the room of one tick is its unused batch. Admission every 3 s, so that the
 * room of one tick outlasts the test's entries, 3 at a time, at most 4 active.
 */
@TestPropertySource(properties = {
        "concert.redis.key-prefix=${it.redis.prefix}admit-on-entry:",
        "concert.queue.admit-interval=3s",
        "concert.queue.admit-batch-size=3",
        "concert.queue.max-active=4",
        "concert.queue.active-ttl=1m",
        "concert.queue.admit-on-entry=true"})
class AdmitOnEntryIT extends ServiceIT {

    private static long nextUser = 40_000;

    private static synchronized long newUser() {
        return ++nextUser;
    }

    private Reply enter(long concert, long user) {
        return api.post("/api/v1/concerts/" + concert + "/queue", null).user(user).send();
    }

    private Reply status(long user, String token) {
        return api.get("/api/v1/queue/status").user(user).header("X-Queue-Token", token).send();
    }

    @Test
    void afterATick_anEntryWhileNobodyWaitsIsActiveAtOnce_untilTheTicksBatchIsUsed() {
        long concert = Concerts.bookable(api, Instant.now(), 20, 30).path("id").asLong();
        long first = newUser();
        String firstToken = enter(concert, first).json().path("token").asString();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(status(first, firstToken).json().path("status").asString()).isEqualTo("ACTIVE"));

        // the tick that let the first fan in left at most two places of its batch of three until the next one
        long second = newUser();
        Reply entered = enter(concert, second);
        JsonNode body = entered.json();
        String secondToken = body.path("token").asString();
        if (body.path("status").asString().equals("WAITING")) {
            // the tick that admitted the first fan was the last of its interval: the next one leaves the room
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(status(second, secondToken).json().path("status").asString()).isEqualTo("ACTIVE"));
        } else {
            assertThat(entered.status()).isEqualTo(201);
            assertThat(body.path("position").isNull()).isTrue();
            assertThat(Instant.parse(body.path("activeUntil").asString())).isAfter(Instant.now());
        }
        Reply seats = api.get("/api/v1/concerts/" + concert + "/schedules").user(second)
                .header("X-Queue-Token", secondToken).send();
        assertThat(seats.status()).as("an active token lets its fan shop").isEqualTo(200);

        // three fans more right after: the active set never passes four, and whoever is not let in waits in order
        long[] late = {newUser(), newUser(), newUser()};
        int active = 0;
        long expectedPosition = 1;
        for (long user : late) {
            JsonNode lateBody = enter(concert, user).json();
            if (lateBody.path("status").asString().equals("ACTIVE")) {
                assertThat(expectedPosition).as("nobody is let in past a fan who waits").isEqualTo(1);
                active++;
            } else {
                assertThat(lateBody.path("position").asLong()).isEqualTo(expectedPosition++);
            }
        }
        assertThat(2 + active).isLessThanOrEqualTo(4);
    }
}
