package com.concert.adapter.out.persistence.schema;

import com.concert.testsupport.persistence.PersistenceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema is the last line of defence: these tests write rows the way a buggy service might and expect
 * PostgreSQL to refuse them.
 */
class SchemaConstraintsIT extends PersistenceIT {

    private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    private long concertId;
    private long scheduleId;
    private long seatId;

    @BeforeEach
    void aScheduleWithTwoSeats() {
        concertId = jdbc.queryForObject("""
                INSERT INTO concert (title, venue, first_performance_at, last_performance_at)
                VALUES ('t', 'v', ?, ?) RETURNING id""", Long.class, at(NOW), at(NOW));
        scheduleId = jdbc.queryForObject("""
                INSERT INTO concert_schedule (concert_id, performance_at, booking_opens_at, booking_closes_at, total_seats)
                VALUES (?, ?, ?, ?, 2) RETURNING id""", Long.class,
                concertId, at(NOW.plus(Duration.ofDays(30))), at(NOW.minus(Duration.ofDays(1))), at(NOW.plus(Duration.ofDays(29))));
        seatId = jdbc.queryForObject("""
                INSERT INTO seat (schedule_id, seat_number, grade, price) VALUES (?, 1, 'VIP', 150000) RETURNING id""",
                Long.class, scheduleId);
        jdbc.update("INSERT INTO seat (schedule_id, seat_number, grade, price) VALUES (?, 2, 'VIP', 150000)", scheduleId);
    }

    @Test
    void aSeatNumberAppearsOncePerSchedule() {
        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO seat (schedule_id, seat_number, grade, price) VALUES (?, 1, 'R', 1)", scheduleId))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("uq_seat_number");
    }

    @Test
    void aSeatIsInAtMostOneLiveReservation_andFreeAgainOnceThatOneEnds() {
        long first = reservation(7, "HELD");
        long second = reservation(8, "HELD");
        jdbc.update("INSERT INTO reservation_seat (reservation_id, seat_id, schedule_id, reservation_status) VALUES (?, ?, ?, 'HELD')",
                first, seatId, scheduleId);

        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO reservation_seat (reservation_id, seat_id, schedule_id, reservation_status) VALUES (?, ?, ?, 'HELD')",
                second, seatId, scheduleId))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ux_reservation_seat_live");

        jdbc.update("UPDATE reservation SET status = 'EXPIRED', ended_at = ? WHERE id = ?", at(NOW), first);
        assertThat(jdbc.queryForObject("SELECT reservation_status FROM reservation_seat WHERE reservation_id = ?",
                String.class, first)).as("the status follows its reservation").isEqualTo("EXPIRED");
        assertThatNoException().isThrownBy(() -> jdbc.update(
                "INSERT INTO reservation_seat (reservation_id, seat_id, schedule_id, reservation_status) VALUES (?, ?, ?, 'HELD')",
                second, seatId, scheduleId));

        assertThatThrownBy(() -> jdbc.update("UPDATE reservation SET status = 'HELD', ended_at = NULL WHERE id = ?", first))
                .as("an ended reservation cannot come back to life over a seat someone else holds")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aReservationSeatCannotClaimAStatusItsReservationDoesNotHave() {
        long held = reservation(7, "HELD");

        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO reservation_seat (reservation_id, seat_id, schedule_id, reservation_status) VALUES (?, ?, ?, 'EXPIRED')",
                held, seatId, scheduleId))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("fk_reservation_seat_status");
    }

    @Test
    void aSeatsStateIsConsistent() {
        assertThatThrownBy(() -> jdbc.update("UPDATE seat SET status = 'HELD' WHERE id = ?", seatId))
                .as("a hold names its reservation and its deadline")
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ck_seat_state");
    }

    @Test
    void aSeatsStateIsConsistent_inEveryCombinationOfStatusHolderAndDeadline() {
        long held = reservation(9, "HELD");
        String update = "UPDATE seat SET status = ?, reservation_id = ?, hold_until = ? WHERE id = ?";
        Timestamp deadline = at(NOW.plus(Duration.ofMinutes(5)));
        Object[][] refused = {
                {"AVAILABLE", held, null}, {"AVAILABLE", null, deadline}, {"HELD", null, deadline},
                {"HELD", held, null}, {"SOLD", null, null}, {"SOLD", held, deadline}, {"LOST", null, null}};
        for (Object[] row : refused) {
            assertThatThrownBy(() -> jdbc.update(update, row[0], row[1], row[2], seatId))
                    .as("status %s, holder %s, deadline %s", row)
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining(row[0].equals("LOST") ? "seat_status_check" : "ck_seat_state");
        }
        assertThatNoException().isThrownBy(() -> jdbc.update(update, "HELD", held, deadline, seatId));
        assertThatNoException().isThrownBy(() -> jdbc.update(update, "SOLD", held, null, seatId));
        assertThatNoException().isThrownBy(() -> jdbc.update(update, "AVAILABLE", null, null, seatId));
    }

    @Test
    void everyColumnRuleOfTheWritePath_refusesWhatBreaksIt() {
        long reservation = reservation(11, "CONFIRMED");
        jdbc.update("INSERT INTO wallet (user_id, balance, updated_at) VALUES (11, 0, ?)", at(NOW));
        String seat = "INSERT INTO seat (schedule_id, seat_number, grade, price) VALUES (?, ?, ?, ?)";
        String held = """
                INSERT INTO reservation (user_id, concert_id, schedule_id, status, seat_count, total_price, created_at,
                                         expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
        String history = """
                INSERT INTO point_history (user_id, type, amount, balance_after, reservation_id, created_at)
                VALUES (11, ?, ?, ?, ?, ?)""";
        String payment = "INSERT INTO payment (reservation_id, user_id, amount, balance_after, paid_at) VALUES (?, ?, ?, ?, ?)";
        Timestamp later = at(NOW.plus(Duration.ofMinutes(5)));
        record Refused(String rule, Runnable write) {
        }
        Refused[] writes = {
                new Refused("seat_number_check", () -> jdbc.update(seat, scheduleId, 0, "R", 1)),
                new Refused("seat_grade_check", () -> jdbc.update(seat, scheduleId, 3, "  ", 1)),
                new Refused("points_amount_check", () -> jdbc.update(seat, scheduleId, 3, "R", 0)),
                new Refused("app_user_id_check", () -> jdbc.update(held, 0, concertId, scheduleId, "HELD", 1, 1, at(NOW), later)),
                new Refused("reservation_status_check",
                        () -> jdbc.update(held, 11, concertId, scheduleId, "PENDING", 1, 1, at(NOW), later)),
                new Refused("seats_per_reservation_check",
                        () -> jdbc.update(held, 11, concertId, scheduleId, "HELD", 5, 1, at(NOW), later)),
                new Refused("points_amount_check",
                        () -> jdbc.update(held, 11, concertId, scheduleId, "HELD", 1, 0, at(NOW), later)),
                new Refused("point_type_check", () -> jdbc.update(history, "GIFT", 1, 0, reservation, at(NOW))),
                new Refused("points_amount_check", () -> jdbc.update(history, "USE", 0, 0, reservation, at(NOW))),
                new Refused("points_balance_check", () -> jdbc.update(history, "USE", 1, -1, reservation, at(NOW))),
                new Refused("app_user_id_check", () -> jdbc.update(payment, reservation, -1, 1, 0, at(NOW))),
                new Refused("points_amount_check", () -> jdbc.update(payment, reservation, 11, 0, 0, at(NOW))),
                new Refused("points_balance_check", () -> jdbc.update(payment, reservation, 11, 1, -1, at(NOW))),
                new Refused("points_balance_check", () -> jdbc.update("UPDATE wallet SET balance = -1 WHERE user_id = 11"))};
        for (Refused write : writes) {
            assertThatThrownBy(write.write()::run).as(write.rule())
                    .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining(write.rule());
        }
    }

    @Test
    void aBalanceIsNeverNegative() {
        jdbc.update("INSERT INTO wallet (user_id, balance, updated_at) VALUES (41, 100, ?)", at(NOW));

        assertThatThrownBy(() -> jdbc.update("UPDATE wallet SET balance = balance - 101 WHERE user_id = 41"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.queryForObject("SELECT balance FROM wallet WHERE user_id = 41", Long.class)).isEqualTo(100);
    }

    @Test
    void aReservationIsPaidAtMostOnce_andItsPointsUsedAtMostOnce() {
        long reservation = reservation(7, "CONFIRMED");
        jdbc.update("INSERT INTO payment (reservation_id, user_id, amount, balance_after, paid_at) VALUES (?, 7, 150000, 0, ?)",
                reservation, at(NOW));
        jdbc.update("INSERT INTO wallet (user_id, balance, updated_at) VALUES (7, 0, ?)", at(NOW));
        jdbc.update("""
                INSERT INTO point_history (user_id, type, amount, balance_after, reservation_id, created_at)
                VALUES (7, 'USE', 150000, 0, ?, ?)""", reservation, at(NOW));

        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO payment (reservation_id, user_id, amount, balance_after, paid_at) VALUES (?, 7, 150000, 0, ?)",
                reservation, at(NOW)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("uq_payment_reservation");
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO point_history (user_id, type, amount, balance_after, reservation_id, created_at)
                VALUES (7, 'USE', 150000, 0, ?, ?)""", reservation, at(NOW)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ux_point_history_use");
    }

    @Test
    void anIdempotencyKeyIsUniquePerUser_andWellFormed() {
        String insert = """
                INSERT INTO idempotency_record (user_id, idempotency_key, request_hash, result, created_at)
                VALUES (?, ?, 'h', '42', ?)""";
        jdbc.update(insert, 7, "key-1", at(NOW));
        jdbc.update(insert, 8, "key-1", at(NOW));

        assertThatThrownBy(() -> jdbc.update(insert, 7, "key-1", at(NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(insert, 7, "no spaces", at(NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aReservationNamesAScheduleOfItsOwnConcert() {
        long otherConcert = jdbc.queryForObject("""
                INSERT INTO concert (title, venue, first_performance_at, last_performance_at)
                VALUES ('other', 'v', ?, ?) RETURNING id""", Long.class, at(NOW), at(NOW));

        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO reservation (user_id, concert_id, schedule_id, status, seat_count, total_price, created_at, expires_at)
                VALUES (7, ?, ?, 'HELD', 1, 150000, ?, ?)""",
                otherConcert, scheduleId, at(NOW), at(NOW.plus(Duration.ofMinutes(5)))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("fk_reservation_schedule");
    }

    private long reservation(long userId, String status) {
        return jdbc.queryForObject("""
                INSERT INTO reservation (user_id, concert_id, schedule_id, status, seat_count, total_price, created_at, expires_at, ended_at)
                VALUES (?, ?, ?, ?, 1, 150000, ?, ?, ?) RETURNING id""", Long.class,
                userId, concertId, scheduleId, status, at(NOW), at(NOW.plus(Duration.ofMinutes(5))),
                status.equals("HELD") ? null : at(NOW));
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
