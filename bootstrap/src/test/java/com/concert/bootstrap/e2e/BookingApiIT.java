package com.concert.bootstrap.e2e;

import com.concert.bootstrap.support.Api.Reply;
import com.concert.bootstrap.support.BookingIT;
import com.concert.bootstrap.support.Concerts;
import com.concert.bootstrap.support.Fan;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Holds, reservations, points and payments end to end, every refusal with its code. */
class BookingApiIT extends BookingIT {

    private static final AtomicLong USERS = new AtomicLong(500_000);

    private record Stage(long concertId, long scheduleId, List<Long> seats) {
    }

    private Stage stage(int seats) {
        JsonNode concert = Concerts.bookable(api, Instant.now(), seats);
        long scheduleId = concert.path("schedules").get(0).path("id").asLong();
        Fan reader = Fan.admitted(api, USERS.incrementAndGet(), concert.path("id").asLong());
        List<Long> ids = new ArrayList<>();
        reader.seatMap(scheduleId).forEach(seat -> ids.add(seat.path("id").asLong()));
        return new Stage(concert.path("id").asLong(), scheduleId, ids);
    }

    private Fan fan(Stage stage) {
        return Fan.admitted(api, USERS.incrementAndGet(), stage.concertId());
    }

    @Test
    void aFanHoldsSeats_paysWithPoints_andTheSeatsAreSold() {
        Stage stage = stage(5);
        Fan fan = fan(stage);
        assertThat(fan.charge(300_000, null).json().path("balance").asLong()).isEqualTo(300_000);

        Reply held = fan.hold(stage.scheduleId(), List.of(stage.seats().get(1), stage.seats().get(0)));

        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        JsonNode reservation = held.json();
        long reservationId = reservation.path("id").asLong();
        assertThat(reservation.path("status").asString()).isEqualTo("HELD");
        assertThat(reservation.path("concertId").asLong()).isEqualTo(stage.concertId());
        assertThat(reservation.path("scheduleId").asLong()).isEqualTo(stage.scheduleId());
        assertThat(reservation.path("seats")).hasSize(2);
        assertThat(reservation.path("seats").get(0).path("number").asInt()).isEqualTo(1);
        assertThat(reservation.path("seats").get(0).path("grade").asString()).isEqualTo("R");
        assertThat(reservation.path("totalPrice").asLong()).isEqualTo(220_000);
        assertThat(Instant.parse(reservation.path("expiresAt").asString()))
                .isEqualTo(Instant.parse(reservation.path("createdAt").asString()).plus(Duration.ofMinutes(5)));
        // the seat map may lag a hold or a sale by up to a second
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(fan.seatMap(stage.scheduleId()).get(0).path("status").asString()).isEqualTo("HELD"));

        Reply paid = fan.pay(reservationId, "pay-" + reservationId);

        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.json().path("reservationId").asLong()).isEqualTo(reservationId);
        assertThat(paid.json().path("amount").asLong()).isEqualTo(220_000);
        assertThat(paid.json().path("balance").asLong()).isEqualTo(80_000);
        assertThat(paid.json().has("paidAt")).isTrue();
        assertThat(fan.balance()).isEqualTo(80_000);
        assertThat(api.get("/api/v1/reservations/" + reservationId).user(fan.userId()).send().json()
                .path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(fan.queueStatus().code()).as("paying ends the queue token").isEqualTo("TOKEN_INVALID");
        Fan other = fan(stage);
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(other.seatMap(stage.scheduleId()).get(0).path("status").asString()).isEqualTo("SOLD"));

        Reply again = fan.pay(reservationId, "pay-" + reservationId);
        assertThat(again.status()).as("a retry answers the first payment, token or not").isEqualTo(201);
        assertThat(again.text()).isEqualTo(paid.text());
        assertProblem(fan.pay(reservationId, null), 401, "TOKEN_INVALID");

        JsonNode history = api.get("/api/v1/points/history").user(fan.userId()).send().json();
        assertThat(history.path("items").get(0).path("type").asString()).isEqualTo("USE");
        assertThat(history.path("items").get(0).path("reservationId").asLong()).isEqualTo(reservationId);
        assertThat(history.path("items").get(1).path("type").asString()).isEqualTo("CHARGE");
        assertThat(history.path("items").get(1).path("reservationId").isNull()).isTrue();
        assertThat(history.path("totalItems").asLong()).isEqualTo(2);
        JsonNode mine = api.get("/api/v1/reservations").user(fan.userId()).send().json();
        assertThat(mine.path("items").get(0).path("id").asLong()).isEqualTo(reservationId);
    }

    @Test
    void holdsAreRefusedWithExactCodes() {
        Stage stage = stage(6);
        Stage other = stage(2);
        Fan fan = fan(stage);
        Fan rival = fan(stage);
        rival.hold(stage.scheduleId(), List.of(stage.seats().get(5)));
        String reservations = "/api/v1/reservations";

        assertProblem(api.post(reservations, Map.of("scheduleId", stage.scheduleId(), "seatIds", List.of(stage.seats().getFirst())))
                .user(fan.userId()).send(), 401, "TOKEN_MISSING");
        assertProblem(fan.hold(stage.scheduleId(), List.of()), 400, "VALIDATION_FAILED");
        assertProblem(fan.hold(stage.scheduleId(), stage.seats().subList(0, 5)), 400, "VALIDATION_FAILED");
        assertProblem(fan.hold(stage.scheduleId(), List.of(stage.seats().get(0), stage.seats().get(0))), 400,
                "VALIDATION_FAILED");
        assertProblem(fan.hold(Long.MAX_VALUE, List.of(stage.seats().get(0))), 404, "SCHEDULE_NOT_FOUND");
        assertProblem(fan.hold(stage.scheduleId(), List.of(other.seats().get(0))), 404, "SEAT_NOT_FOUND");
        assertProblem(fan.hold(other.scheduleId(), List.of(other.seats().get(0))), 401, "TOKEN_INVALID");
        Reply taken = fan.hold(stage.scheduleId(), List.of(stage.seats().get(0), stage.seats().get(5)));
        assertProblem(taken, 409, "SEAT_UNAVAILABLE");
        assertThat(taken.json().path("detail").asString()).contains(stage.seats().get(5).toString());
        Fan witness = fan(stage);
        Reply proof = witness.hold(stage.scheduleId(), List.of(stage.seats().get(0)));
        assertThat(proof.status()).as("the refused hold held nothing").isEqualTo(201);
        assertThat(api.delete("/api/v1/reservations/" + proof.json().path("id").asLong()).user(witness.userId()).send()
                .status()).isEqualTo(204);

        assertThat(fan.hold(stage.scheduleId(), stage.seats().subList(0, 3)).status()).isEqualTo(201);
        assertProblem(fan.hold(stage.scheduleId(), List.of(stage.seats().get(3), stage.seats().get(4))), 409,
                "SEAT_LIMIT_EXCEEDED");
        assertThat(fan.hold(stage.scheduleId(), List.of(stage.seats().get(3))).status()).isEqualTo(201);
    }

    @Test
    void aHoldThatRunsOut_readsExpired_cannotBePaid_andItsSeatGoesToSomebodyElse() {
        Stage stage = stage(2);
        Fan fan = fan(stage);
        fan.charge(500_000, null);
        long reservationId = fan.hold(stage.scheduleId(), List.of(stage.seats().get(0))).json().path("id").asLong();

        clock.advance(Duration.ofMinutes(5));

        assertThat(api.get("/api/v1/reservations/" + reservationId).user(fan.userId()).send().json()
                .path("status").asString()).isEqualTo("EXPIRED");
        assertProblem(fan.pay(reservationId, null), 409, "RESERVATION_EXPIRED");
        assertThat(fan.balance()).as("nothing changed").isEqualTo(500_000);
        Fan next = fan(stage);
        assertThat(next.seatMap(stage.scheduleId()).get(0).path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(next.hold(stage.scheduleId(), List.of(stage.seats().get(0))).status()).isEqualTo(201);
        assertProblem(api.delete("/api/v1/reservations/" + reservationId).user(fan.userId()).send(), 409,
                "RESERVATION_NOT_CANCELLABLE");
    }

    @Test
    void cancellingFreesTheSeatsAtOnce_andOnlyTheOwnerSeesOrCancels() {
        Stage stage = stage(2);
        Fan fan = fan(stage);
        Fan stranger = fan(stage);
        long reservationId = fan.hold(stage.scheduleId(), List.of(stage.seats().get(0))).json().path("id").asLong();
        String path = "/api/v1/reservations/" + reservationId;

        assertProblem(api.get(path).user(stranger.userId()).send(), 404, "RESERVATION_NOT_FOUND");
        assertProblem(api.delete(path).user(stranger.userId()).send(), 404, "RESERVATION_NOT_FOUND");
        assertProblem(api.get("/api/v1/reservations/" + Long.MAX_VALUE).user(fan.userId()).send(), 404,
                "RESERVATION_NOT_FOUND");
        assertThat(api.delete(path).user(fan.userId()).send().status()).isEqualTo(204);
        assertThat(api.delete(path).user(fan.userId()).send().status()).as("cancelling twice is harmless").isEqualTo(204);

        assertThat(api.get(path).user(fan.userId()).send().json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(stranger.hold(stage.scheduleId(), List.of(stage.seats().get(0))).status()).isEqualTo(201);
        assertProblem(fan.pay(reservationId, null), 409, "RESERVATION_NOT_PAYABLE");
    }

    @Test
    void aPaidReservationCannotBePaidAgainOrCancelled() {
        Stage stage = stage(1);
        Fan fan = fan(stage);
        fan.charge(300_000, null);
        long reservationId = fan.hold(stage.scheduleId(), List.of(stage.seats().get(0))).json().path("id").asLong();
        assertThat(fan.pay(reservationId, null).status()).isEqualTo(201);
        Fan back = Fan.admitted(api, fan.userId(), stage.concertId());

        assertProblem(back.pay(reservationId, null), 409, "RESERVATION_NOT_PAYABLE");
        assertProblem(api.delete("/api/v1/reservations/" + reservationId).user(fan.userId()).send(), 409,
                "RESERVATION_NOT_CANCELLABLE");
        assertThat(back.balance()).isEqualTo(190_000);
    }

    @Test
    void aPaymentThePointsDoNotCover_changesNothing() {
        Stage stage = stage(1);
        Fan fan = fan(stage);
        fan.charge(100_000, null);
        long reservationId = fan.hold(stage.scheduleId(), List.of(stage.seats().get(0))).json().path("id").asLong();

        Reply refused = fan.pay(reservationId, "short-" + reservationId);

        assertProblem(refused, 409, "INSUFFICIENT_POINTS");
        assertThat(fan.balance()).isEqualTo(100_000);
        assertThat(api.get("/api/v1/reservations/" + reservationId).user(fan.userId()).send().json()
                .path("status").asString()).isEqualTo("HELD");
        assertThat(fan.queueStatus().json().path("status").asString()).isEqualTo("ACTIVE");
        fan.charge(10_000, null);
        assertThat(fan.pay(reservationId, "short-" + reservationId).status())
                .as("a refused request leaves no record: its retry runs again").isEqualTo(201);
    }

    @Test
    void pointsAreChargedWithinTheLimits_andRetriesWithAKeyChargeOnce() {
        long user = USERS.incrementAndGet();
        String charge = "/api/v1/points/charge";

        assertThat(api.get("/api/v1/points").user(user).send().json().path("balance").asLong()).isZero();
        long userId = api.get("/api/v1/points").user(user).send().json().path("userId").asLong();
        assertThat(userId).isPositive();
        assertThat(api.get("/api/v1/points").user(user).send().json().path("userId").asLong())
                .as("one subject, one user id").isEqualTo(userId);
        assertProblem(api.post(charge, Map.of("amount", 0)).user(user).send(), 400, "INVALID_AMOUNT");
        assertProblem(api.post(charge, Map.of("amount", -5)).user(user).send(), 400, "INVALID_AMOUNT");
        assertProblem(api.post(charge, Map.of("amount", 10_000_001)).user(user).send(), 400, "INVALID_AMOUNT");
        assertProblem(api.post(charge, Map.of()).user(user).send(), 400, "VALIDATION_FAILED");
        assertProblem(api.post(charge, "{\"amount\": \"5\"}").user(user).send(), 400, "VALIDATION_FAILED");
        assertProblem(api.post(charge, Map.of("amount", 5)).send(), 401, "UNAUTHENTICATED");
        assertProblem(api.post(charge, Map.of("amount", 5)).user(user).header("Idempotency-Key", "bad key!").send(), 400,
                "VALIDATION_FAILED");

        Reply first = api.post(charge, Map.of("amount", 50_000)).user(user).header("Idempotency-Key", "charge-1").send();
        Reply repeat = api.post(charge, Map.of("amount", 50_000)).user(user).header("Idempotency-Key", "charge-1").send();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("balance").asLong()).isEqualTo(50_000);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.text()).isEqualTo(first.text());
        assertProblem(api.post(charge, Map.of("amount", 60_000)).user(user).header("Idempotency-Key", "charge-1").send(),
                409, "IDEMPOTENCY_KEY_REUSED");
        assertThat(api.post(charge, Map.of("amount", 50_000)).user(user + 1).header("Idempotency-Key", "charge-1").send()
                .json().path("balance").asLong()).as("keys are per user").isEqualTo(50_000);

        for (int i = 0; i < 9; i++) {
            api.post(charge, Map.of("amount", 10_000_000)).user(user).send();
        }
        assertProblem(api.post(charge, Map.of("amount", 10_000_000)).user(user).send(), 409, "BALANCE_LIMIT_EXCEEDED");
        assertThat(api.get("/api/v1/points").user(user).send().json().path("balance").asLong()).isEqualTo(90_050_000);
        JsonNode page = api.get("/api/v1/points/history?page=1&size=4").user(user).send().json();
        assertThat(page.path("totalItems").asLong()).isEqualTo(10);
        assertThat(page.path("totalPages").asInt()).isEqualTo(3);
        assertThat(page.path("items")).hasSize(4);
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.code()).as(reply.toString()).isEqualTo(code);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
