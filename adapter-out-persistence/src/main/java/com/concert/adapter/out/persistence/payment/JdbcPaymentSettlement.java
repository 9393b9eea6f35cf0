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
import java.util.List;
import java.util.Optional;

/**
 * A payment in one call of the PL/pgSQL function {@code settle_payment} (changeset 0009, ADR 16), three statements
 * when it pays: the key's claim, one read that locks the caller's live hold and then the wallet, and, only when
 * the balance covers the price, one statement of every write (confirmation, seats sold, points used with their
 * history row, the payment under an id drawn beforehand so that the key's claim already carries it as its
 * result). Nothing is written before every check has passed, and a refusal deletes its key's claim, so the call
 * commits by itself in one round trip. The rows are locked in the order of ADR 6: reservation, wallet, seats. The
 * constraints stay the last line of defence: one payment and one use of points per reservation, a balance never
 * below zero.
 */
@Component
class JdbcPaymentSettlement implements PaymentSettlement {

    private static final String SETTLE = "SELECT * FROM settle_payment(?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    JdbcPaymentSettlement(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Settlement settle(UserId user, ReservationId reservation, Optional<ConcertId> admittedTo,
                             Optional<IdempotencyKey> key, String requestHash, Instant now) {
        List<Outcome> rows = jdbc.query(SETTLE, JdbcPaymentSettlement::outcome,
                user.value(), reservation.value(), admittedTo.map(ConcertId::value).orElse(null),
                key.map(IdempotencyKey::value).orElse(null), requestHash, Timestamp.from(now));
        Outcome first = rows.getFirst();
        return switch (first.outcome()) {
            case "KEY_TAKEN" -> new KeyTaken(new IdempotentOutcome(first.requestHash(), first.result()));
            case "NOT_PAYABLE" -> new NotPayable();
            case "SHORT" -> new ShortOfPoints(first.totalPrice(), first.balance());
            case "PAID" -> paid(user, reservation, now, first, rows);
            default -> throw new IllegalStateException("settle_payment answered " + first.outcome());
        };
    }

    private static Paid paid(UserId user, ReservationId reservation, Instant now, Outcome first, List<Outcome> rows) {
        List<ReservedSeat> seats = rows.stream().map(Outcome::seat).toList();
        Reservation confirmed = new Reservation(reservation, user, new ConcertId(first.concertId()),
                new ScheduleId(first.scheduleId()), seats, ReservationStatus.CONFIRMED, first.createdAt(),
                first.expiresAt(), now);
        if (seats.size() != first.seatCount() || confirmed.totalPrice() != first.totalPrice()) {
            // the function checked the seats before writing; anything else is a bug
            throw new IllegalStateException("reservation " + reservation + " holds " + first.seatCount()
                    + " seats for " + first.totalPrice() + " points, but " + seats.size() + " seats for "
                    + confirmed.totalPrice() + " were sold for it");
        }
        return new Paid(confirmed, new Payment(new PaymentId(first.paymentId()), reservation, user,
                first.totalPrice(), first.balance(), now));
    }

    private record Outcome(String outcome, String requestHash, String result, long balance, long paymentId,
                           long concertId, long scheduleId, Instant createdAt, Instant expiresAt, int seatCount,
                           long totalPrice, ReservedSeat seat) {
    }

    private static Outcome outcome(ResultSet rs, int row) throws SQLException {
        ReservedSeat seat = rs.getObject("r_seat_id") == null ? null
                : new ReservedSeat(new SeatId(rs.getLong("r_seat_id")), rs.getInt("r_seat_number"),
                        rs.getString("r_grade"), rs.getLong("r_price"));
        return new Outcome(rs.getString("r_outcome"), rs.getString("r_request_hash"), rs.getString("r_result"),
                rs.getLong("r_balance"), rs.getLong("r_payment_id"), rs.getLong("r_concert_id"),
                rs.getLong("r_schedule_id"), instant(rs, "r_created_at"), instant(rs, "r_expires_at"),
                rs.getInt("r_seat_count"), rs.getLong("r_total_price"), seat);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
