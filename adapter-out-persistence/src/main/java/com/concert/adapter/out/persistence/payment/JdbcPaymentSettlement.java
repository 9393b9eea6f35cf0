package com.concert.adapter.out.persistence.payment;

import com.concert.application.booking.port.out.PaymentSettlement;
import com.concert.application.idempotency.IdempotencyKey;
import com.concert.application.idempotency.IdempotentOutcome;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.payment.Payment;
import com.concert.domain.payment.PaymentId;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationStatus;
import com.concert.domain.reservation.ReservedSeat;
import com.concert.domain.seat.SeatId;
import com.concert.domain.shared.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A payment's writes in one statement of data-modifying CTEs, one round trip instead of five (ADR 16). Each CTE
 * is the conditional statement it replaces, and each runs only if the one before it changed something: the key's
 * claim (an insert that does nothing on conflict, after waiting for a transaction still holding the key); the
 * confirmation of the caller's live hold, only if the key was claimed; its seats sold, found by the confirmed id
 * as a value (ADR 16); the price taken from the wallet only while the balance covers it and every seat was sold;
 * the history row of that use; the payment, under an id drawn beforehand so that the key's claim already carries
 * it as its result. The rows are locked in the order of ADR 6: reservation, seats, wallet. The constraints stay
 * the last line of defence: one payment and one use of points per reservation, a balance never below zero.
 */
@Component
class JdbcPaymentSettlement implements PaymentSettlement {

    private static final String SETTLE = """
            WITH payment_id AS (SELECT nextval(pg_get_serial_sequence('payment', 'id')) AS id),
            claimed AS (
                INSERT INTO idempotency_record (user_id, idempotency_key, request_hash, result, created_at)
                SELECT ?, ?, ?, payment_id.id::text, ? FROM payment_id WHERE ?
                ON CONFLICT (user_id, idempotency_key) DO NOTHING
                RETURNING 1),
            confirmed AS (
                UPDATE reservation SET status = 'CONFIRMED', ended_at = ?
                WHERE id = ? AND user_id = ? AND status = 'HELD' AND expires_at > ?
                  AND (NOT ? OR EXISTS (SELECT 1 FROM claimed))
                RETURNING id, user_id, concert_id, schedule_id, status, created_at, expires_at, ended_at, seat_count,
                          total_price),
            sold AS (
                UPDATE seat SET status = 'SOLD', hold_until = NULL
                WHERE reservation_id = (SELECT id FROM confirmed) AND status = 'HELD'
                RETURNING id, seat_number, grade, price),
            used AS (
                UPDATE wallet SET balance = wallet.balance - c.total_price, updated_at = ?
                FROM confirmed c
                WHERE wallet.user_id = c.user_id AND wallet.balance >= c.total_price
                  AND c.seat_count = (SELECT count(*) FROM sold)
                RETURNING wallet.user_id, wallet.balance, c.id AS reservation_id, c.total_price),
            history AS (
                INSERT INTO point_history (user_id, type, amount, balance_after, reservation_id, created_at)
                SELECT user_id, 'USE', total_price, balance, reservation_id, ? FROM used),
            paid AS (
                INSERT INTO payment (id, reservation_id, user_id, amount, balance_after, paid_at)
                SELECT payment_id.id, used.reservation_id, used.user_id, used.total_price, used.balance, ?
                FROM payment_id, used
                RETURNING id, balance_after)
            SELECT EXISTS (SELECT 1 FROM claimed) AS claimed,
                   (SELECT balance FROM wallet WHERE user_id = ?) AS balance_before,
                   paid.id AS payment_id, paid.balance_after,
                   c.id, c.user_id, c.concert_id, c.schedule_id, c.status, c.created_at, c.expires_at, c.ended_at,
                   c.seat_count, c.total_price, s.id AS seat_id, s.seat_number, s.grade, s.price
            FROM (VALUES (1)) AS one (x)
                 LEFT JOIN confirmed c ON true
                 LEFT JOIN sold s ON true
                 LEFT JOIN paid ON true
            ORDER BY s.id""";

    private final JdbcTemplate jdbc;

    JdbcPaymentSettlement(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Settlement settle(UserId user, ReservationId reservation, Optional<IdempotencyKey> key, String requestHash,
                             Instant now) {
        Timestamp at = Timestamp.from(now);
        boolean keyed = key.isPresent();
        List<Outcome> rows = jdbc.query(SETTLE, JdbcPaymentSettlement::outcome,
                user.value(), key.map(IdempotencyKey::value).orElse(""), requestHash, at, keyed,
                at, reservation.value(), user.value(), at, keyed,
                at, at, at,
                user.value());
        Outcome first = rows.getFirst();
        if (keyed && !first.claimed()) {
            return new KeyTaken(earlier(user, key.get()));
        }
        if (first.reservationId() == null) {
            return new NotPayable();
        }
        List<ReservedSeat> seats = rows.stream().map(Outcome::seat).filter(seat -> seat != null).toList();
        Reservation confirmed = new Reservation(new ReservationId(first.reservationId()), user,
                new ConcertId(first.concertId()), new ScheduleId(first.scheduleId()), seats,
                ReservationStatus.valueOf(first.status()), first.createdAt(), first.expiresAt(), first.endedAt());
        if (seats.size() != first.seatCount() || confirmed.totalPrice() != first.totalPrice()) {
            // a confirmed reservation must own every one of its seats at its price; anything else is a bug
            throw new IllegalStateException("reservation " + reservation + " holds " + first.seatCount()
                    + " seats for " + first.totalPrice() + " points, but " + seats.size() + " seats for "
                    + confirmed.totalPrice() + " were still held for it");
        }
        if (first.paymentId() == null) {
            return new ShortOfPoints(confirmed, first.balanceBefore() == null ? 0 : first.balanceBefore());
        }
        return new Paid(confirmed, new Payment(new PaymentId(first.paymentId()), confirmed.id(), user,
                first.totalPrice(), first.balanceAfter(), now));
    }

    /** The record of the request that holds the key: it committed before the claim gave up. */
    private IdempotentOutcome earlier(UserId user, IdempotencyKey key) {
        return jdbc.query("SELECT request_hash, result FROM idempotency_record WHERE user_id = ? AND idempotency_key = ?",
                (rs, row) -> new IdempotentOutcome(rs.getString("request_hash"), rs.getString("result")),
                user.value(), key.value()).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the idempotency key of user " + user
                        + " was taken, but its record is gone"));
    }

    private record Outcome(boolean claimed, Long balanceBefore, Long paymentId, long balanceAfter, Long reservationId,
                           long concertId, long scheduleId, String status, Instant createdAt, Instant expiresAt,
                           Instant endedAt, int seatCount, long totalPrice, ReservedSeat seat) {
    }

    private static Outcome outcome(ResultSet rs, int row) throws SQLException {
        Long reservationId = (Long) rs.getObject("id");
        ReservedSeat seat = rs.getObject("seat_id") == null ? null
                : new ReservedSeat(new SeatId(rs.getLong("seat_id")), rs.getInt("seat_number"), rs.getString("grade"),
                        rs.getLong("price"));
        return new Outcome(rs.getBoolean("claimed"), (Long) rs.getObject("balance_before"),
                (Long) rs.getObject("payment_id"), rs.getLong("balance_after"), reservationId,
                rs.getLong("concert_id"), rs.getLong("schedule_id"), rs.getString("status"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "ended_at"),
                rs.getInt("seat_count"), rs.getLong("total_price"), seat);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
