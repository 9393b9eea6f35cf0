package com.concert.bootstrap.e2e;

import com.concert.bootstrap.support.Api.Reply;
import com.concert.bootstrap.support.Concerts;
import com.concert.bootstrap.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The waiting queue end to end, with the small settings an acceptance check would use: admission every
 * 200 ms, 2 at a time, at most 3 active, for 3 s each.
 */
@TestPropertySource(properties = {
        "concert.redis.key-prefix=${it.redis.prefix}queue:",
        "concert.queue.admit-interval=200ms",
        "concert.queue.admit-batch-size=2",
        "concert.queue.max-active=3",
        "concert.queue.active-ttl=3s"})
class QueueApiIT extends ServiceIT {

    private static long nextUser = 10_000;

    private static synchronized long newUser() {
        return ++nextUser;
    }

    private long concert() {
        return Concerts.bookable(api, Instant.now(), 20, 30).path("id").asLong();
    }

    private Reply enter(long concert, long user) {
        return api.post("/api/v1/concerts/" + concert + "/queue", null).user(user).send();
    }

    private Reply status(long user, String token) {
        return api.get("/api/v1/queue/status").user(user).header("X-Queue-Token", token).send();
    }

    private static String token(Reply reply) {
        return reply.json().path("token").asString();
    }

    @Test
    void enteringGivesAWaitingPlace_andEnteringAgainTheSameOne() {
        long concert = concert();
        long user = newUser();

        Reply first = enter(concert, user);
        Reply again = enter(concert, user);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode body = first.json();
        assertThat(body.path("token").asString()).startsWith("q_");
        assertThat(body.path("concertId").asLong()).isEqualTo(concert);
        assertThat(body.path("status").asString()).isIn("WAITING", "ACTIVE");
        assertThat(body.has("estimatedWaitSeconds")).isTrue();
        assertThat(body.has("activeUntil")).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(token(again)).isEqualTo(token(first));
    }

    @Test
    void usersAreAdmittedInArrivalOrder_neverMoreThanMaxActive_andSlotsAreRefilledWhenTheyEnd() {
        long concert = concert();
        List<long[]> users = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long user = newUser();
            users.add(new long[]{user});
            tokens.add(token(enter(concert, user)));
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(statuses(users, tokens)).containsExactly("ACTIVE", "ACTIVE", "ACTIVE", "WAITING", "WAITING", "WAITING"));
        for (int sample = 0; sample < 10; sample++) {
            assertThat(statuses(users, tokens)).filteredOn("ACTIVE"::equals).hasSizeLessThanOrEqualTo(3);
        }
        JsonNode fourth = status(users.get(3)[0], tokens.get(3)).json();
        assertThat(fourth.path("position").asLong()).isEqualTo(1);
        assertThat(fourth.path("activeUntil").isNull()).isTrue();
        JsonNode firstActive = status(users.get(0)[0], tokens.get(0)).json();
        assertThat(firstActive.path("position").isNull()).isTrue();
        assertThat(Instant.parse(firstActive.path("activeUntil").asString())).isAfter(Instant.now());

        Reply left = api.delete("/api/v1/queue").user(users.get(0)[0]).header("X-Queue-Token", tokens.get(0)).send();

        assertThat(left.status()).isEqualTo(204);
        assertThat(status(users.get(0)[0], tokens.get(0)).code()).isEqualTo("TOKEN_INVALID");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(status(users.get(3)[0], tokens.get(3)).json().path("status").asString()).isEqualTo("ACTIVE"));
        assertThat(status(users.get(4)[0], tokens.get(4)).json().path("position").asLong()).isEqualTo(1);
    }

    @Test
    void anActiveTokenRunsOutAfterTheActiveTtl() {
        long concert = concert();
        long user = newUser();
        String token = token(enter(concert, user));
        await().atMost(Duration.ofSeconds(5)).until(() -> "ACTIVE".equals(status(user, token).json().path("status").asString()));

        clock.advance(Duration.ofSeconds(3));

        Reply expired = status(user, token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("TOKEN_INVALID");
        assertThat(api.get("/api/v1/concerts/" + concert + "/schedules").user(user).header("X-Queue-Token", token)
                .send().code()).isEqualTo("TOKEN_INVALID");
        Reply again = enter(concert, user);
        assertThat(again.status()).as("a user whose slot ran out starts over").isEqualTo(201);
        assertThat(token(again)).isNotEqualTo(token);
    }

    @Test
    void theGatedReadsNeedTheCallersActiveTokenForThatConcert() {
        long concert = concert();
        JsonNode other = Concerts.bookable(api, Instant.now(), 5);
        long user = newUser();
        String token = token(enter(concert, user));
        // fill the three slots first, so that the next entrant waits
        await().atMost(Duration.ofSeconds(5)).until(() -> "ACTIVE".equals(status(user, token).json().path("status").asString()));
        long waitingUser = newUser();
        for (int i = 0; i < 3; i++) {
            enter(concert, newUser());
        }
        String waitingToken = token(enter(concert, waitingUser));
        String schedules = "/api/v1/concerts/" + concert + "/schedules";

        assertProblem(api.get(schedules).user(user).send(), 401, "TOKEN_MISSING");
        assertProblem(api.get(schedules).header("X-Queue-Token", token).send(), 401, "UNAUTHENTICATED");
        assertProblem(api.get(schedules).user(user).header("X-Queue-Token", "q_forged").send(), 401, "TOKEN_INVALID");
        assertProblem(api.get(schedules).user(newUser()).header("X-Queue-Token", token).send(), 401, "TOKEN_INVALID");
        assertProblem(api.get("/api/v1/concerts/" + other.path("id").asLong() + "/schedules").user(user)
                .header("X-Queue-Token", token).send(), 401, "TOKEN_INVALID");
        assertProblem(api.get(schedules).user(waitingUser).header("X-Queue-Token", waitingToken).send(), 403, "TOKEN_NOT_ACTIVE");
        assertProblem(api.get("/api/v1/concerts/" + Long.MAX_VALUE + "/schedules").user(user)
                .header("X-Queue-Token", token).send(), 404, "CONCERT_NOT_FOUND");
        assertProblem(api.get(schedules + "/" + Long.MAX_VALUE + "/seats").user(user)
                .header("X-Queue-Token", token).send(), 404, "SCHEDULE_NOT_FOUND");
        assertProblem(status(newUser(), token), 401, "TOKEN_INVALID");

        Reply list = api.get(schedules).user(user).header("X-Queue-Token", token).send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().path("concertId").asLong()).isEqualTo(concert);
        assertThat(list.json().path("schedules")).hasSize(2);
        JsonNode first = list.json().path("schedules").get(0);
        assertThat(first.path("totalSeats").asInt()).isEqualTo(20);
        assertThat(first.path("availableSeats").asInt()).isEqualTo(20);
        Reply seats = api.get(schedules + "/" + first.path("id").asLong() + "/seats").user(user)
                .header("X-Queue-Token", token).send();
        assertThat(seats.status()).isEqualTo(200);
        assertThat(seats.json().path("scheduleId").asLong()).isEqualTo(first.path("id").asLong());
        assertThat(seats.json().path("seats")).hasSize(20);
        JsonNode seat = seats.json().path("seats").get(0);
        assertThat(seat.path("number").asInt()).isEqualTo(1);
        assertThat(seat.path("grade").asString()).isEqualTo("R");
        assertThat(seat.path("price").asLong()).isEqualTo(110_000);
        assertThat(seat.path("status").asString()).isEqualTo("AVAILABLE");
    }

    @Test
    void aConcertNotOpenForBooking_cannotBeQueuedFor() {
        Instant now = Instant.now();
        JsonNode later = Concerts.create(api, "Next month", now.plus(Duration.ofDays(5)), now, 5);

        assertProblem(enter(later.path("id").asLong(), newUser()), 409, "CONCERT_NOT_AVAILABLE");
        assertProblem(enter(Long.MAX_VALUE, newUser()), 404, "CONCERT_NOT_FOUND");
        assertProblem(api.post("/api/v1/concerts/" + later.path("id").asLong() + "/queue", null).send(), 401,
                "UNAUTHENTICATED");
    }

    @Test
    void hundredsOfConcurrentEntries_getPlacesOneToN() throws Exception {
        long concert = concert();
        List<Long> shoppers = List.of(newUser(), newUser(), newUser());
        List<String> shopperTokens = shoppers.stream().map(u -> token(enter(concert, u))).toList();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (int i = 0; i < 3; i++) {
                assertThat(status(shoppers.get(i), shopperTokens.get(i)).json().path("status").asString()).isEqualTo("ACTIVE");
            }
        });
        // the three slots stay full (their end moves a minute away), so no admission reorders the line meanwhile
        clock.advance(Duration.ofMinutes(-1));
        int users = 300;
        long firstUser;
        synchronized (QueueApiIT.class) {
            firstUser = nextUser + 1;
            nextUser += users;
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
            for (int i = 0; i < users; i++) {
                long user = firstUser + i;
                Callable<Reply> call = () -> {
                    start.await();
                    return enter(concert, user);
                };
                replies.add(pool.submit(call));
            }
            start.countDown();
            List<Long> positions = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                Reply r = reply.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                positions.add(r.json().path("position").asLong());
                tokens.add(token(r));
            }
            assertThat(positions).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, users).boxed().toList());
            assertThat(tokens).doesNotHaveDuplicates();
        }
    }

    @Test
    void metricsReportTheLinePerConcert() {
        long concert = concert();
        enter(concert, newUser());

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(management.get("/actuator/prometheus").send().text())
                .contains("concert_queue_active{application=\"concert-service\",concert=\"" + concert + "\"}")
                .contains("concert_queue_admitted_total{application=\"concert-service\",concert=\"" + concert + "\"}"));
    }

    private List<String> statuses(List<long[]> users, List<String> tokens) {
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            statuses.add(status(users.get(i)[0], tokens.get(i)).json().path("status").asString());
        }
        return statuses;
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.code()).as(reply.toString()).isEqualTo(code);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
