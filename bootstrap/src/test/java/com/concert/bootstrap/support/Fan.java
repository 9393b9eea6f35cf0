package com.concert.bootstrap.support;

import com.concert.bootstrap.support.Api.Reply;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * A user as a front end drives them: in line for one concert, then shopping with the queue token. {@code userId}
 * is the test's number for the user, who calls with a bearer token for {@link Api#subjectOf(long)}; the service's
 * own id for them is {@link #id()}.
 */
public record Fan(Api api, long userId, long concertId, String token) {

    /** The user id the service gave this fan. */
    public long id() {
        return api.userIdOf(userId);
    }

    /** Enters the line for {@code concertId} and waits until admitted. */
    public static Fan admitted(Api api, long userId, long concertId) {
        Reply entered = api.post("/api/v1/concerts/" + concertId + "/queue", null).user(userId).send();
        if (entered.status() != 201 && entered.status() != 200) {
            throw new IllegalStateException("could not enter the queue: " + entered);
        }
        Fan fan = new Fan(api, userId, concertId, entered.json().path("token").asString());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> "ACTIVE".equals(fan.queueStatus().json().path("status").asString()));
        return fan;
    }

    public Reply queueStatus() {
        return api.get("/api/v1/queue/status").user(userId).header("X-Queue-Token", token).send();
    }

    public JsonNode seatMap(long scheduleId) {
        Reply reply = api.get("/api/v1/concerts/" + concertId + "/schedules/" + scheduleId + "/seats")
                .user(userId).header("X-Queue-Token", token).send();
        if (reply.status() != 200) {
            throw new IllegalStateException("could not read the seat map: " + reply);
        }
        return reply.json().path("seats");
    }

    public Reply hold(long scheduleId, List<Long> seatIds) {
        return api.post("/api/v1/reservations", Map.of("scheduleId", scheduleId, "seatIds", seatIds))
                .user(userId).header("X-Queue-Token", token).send();
    }

    public Reply pay(long reservationId, String idempotencyKey) {
        Api.Call call = api.post("/api/v1/payments", Map.of("reservationId", reservationId))
                .user(userId).header("X-Queue-Token", token);
        if (idempotencyKey != null) {
            call.header("Idempotency-Key", idempotencyKey);
        }
        return call.send();
    }

    public Reply charge(long amount, String idempotencyKey) {
        Api.Call call = api.post("/api/v1/points/charge", Map.of("amount", amount)).user(userId);
        if (idempotencyKey != null) {
            call.header("Idempotency-Key", idempotencyKey);
        }
        return call.send();
    }

    public long balance() {
        return api.get("/api/v1/points").user(userId).send().json().path("balance").asLong();
    }
}
