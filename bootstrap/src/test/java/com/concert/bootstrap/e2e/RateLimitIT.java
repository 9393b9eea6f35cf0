package com.concert.bootstrap.e2e;

import com.concert.bootstrap.support.Api;
import com.concert.bootstrap.support.Api.Reply;
import com.concert.bootstrap.support.Concerts;
import com.concert.bootstrap.support.ServiceIT;
import com.concert.bootstrap.support.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Small limits, so that a handful of requests show them: 2 per second per user, 6 per second per address. */
@TestPropertySource(properties = {
        "concert.redis.key-prefix=${it.redis.prefix}rate:",
        "concert.rate-limit.per-user=2",
        "concert.rate-limit.per-address=6",
        "concert.rate-limit.burst-seconds=1"})
class RateLimitIT extends ServiceIT {

    private static long nextUser = 7_000_000;

    private Reply enter(long concert, long user) {
        return api.post("/api/v1/concerts/" + concert + "/queue", null).user(user).send();
    }

    /** Every request of this class comes from one address: after a second its bucket is full again. */
    private static void waitForTheAddressBucketToRefill() throws InterruptedException {
        Thread.sleep(1_000);
    }

    @Test
    void oneUserEnteringTooFast_isRateLimitedWithRetryAfter_andLetInAgainLater() throws InterruptedException {
        long concert = Concerts.bookable(api, Instant.now(), 5).path("id").asLong();
        long user = ++nextUser;
        waitForTheAddressBucketToRefill();

        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            replies.add(enter(concert, user));
        }

        assertThat(replies.subList(0, 2)).allSatisfy(r -> assertThat(r.status()).isIn(200, 201));
        Reply limited = replies.get(3);
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 2);
        await().atMost(Duration.ofSeconds(3)).until(() -> enter(concert, user).status() == 200);
    }

    /** The limit is the user's, whatever token they come with: a fresh token per request escapes nothing. */
    @Test
    void oneUserWithAFreshTokenForEveryRequest_isLimitedAsOneUser() throws InterruptedException {
        long concert = Concerts.bookable(api, Instant.now(), 5).path("id").asLong();
        String subject = Api.subjectOf(++nextUser);
        waitForTheAddressBucketToRefill();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(api.post("/api/v1/concerts/" + concert + "/queue", null)
                    .bearer(TestIssuer.shared().token().subject(subject).sign()).send().status());
        }

        assertThat(statuses.subList(0, 2)).allSatisfy(status -> assertThat(status).isIn(200, 201));
        assertThat(statuses.get(3)).isEqualTo(429);
    }

    @Test
    void oneAddressHoldingForManyUsers_isRateLimitedToo() throws InterruptedException {
        waitForTheAddressBucketToRefill();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(api.post("/api/v1/reservations", Map.of("scheduleId", 1, "seatIds", List.of(1)))
                    .user(++nextUser).send().status());
        }

        assertThat(statuses.subList(0, 6)).as("refused by the queue gate, but counted").doesNotContain(429);
        assertThat(statuses.subList(6, 10)).containsOnly(429);
    }
}
