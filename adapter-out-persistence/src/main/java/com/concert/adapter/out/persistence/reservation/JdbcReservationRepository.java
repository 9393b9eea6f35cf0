package com.concert.adapter.out.persistence.reservation;

import com.concert.application.booking.port.out.ReservationHistory;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.reservation.HoldRequest;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.reservation.ReservationStatus;
import com.concert.domain.reservation.ReservedSeat;
import com.concert.domain.reservation.SeatLimitExceededException;
import com.concert.domain.reservation.SeatUnavailableException;
import com.concert.domain.seat.SeatId;
import com.concert.domain.seat.SeatNotFoundException;
import com.concert.domain.shared.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reservations in plain SQL: every change is a conditional statement whose row count says whether it
 * happened, never a read followed by a write (a read may refuse early, never grant). See ADR 6 for the locking order that keeps holds free of
 * deadlocks.
 */
@Component
class JdbcReservationRepository implements ReservationRepository, ReservationHistory {

    /**
     * A hold in one call: the function {@code hold_seats} of changeset 0008 runs its statements inside the server
     * (the early refusal, the caller's advisory lock on (user, schedule), the count of the caller's seats, the
     * run-out holds' expiry, the seats locked in ascending id order, then the reservation, the seats and their
     * {@code reservation_seat} rows), so that a hold is one round trip that commits by itself. Its rows say what
     * happened: {@code REFUSED}, {@code LIMIT} and {@code UNAVAILABLE} wrote nothing, {@code HELD} is the hold.
     */
    private static final String HOLD = "SELECT * FROM hold_seats(?, ?, ?, ?, ?, ?, ?)";

    private static final String SELECT_RESERVATION = """
            SELECT r.id, r.user_id, r.concert_id, r.schedule_id, r.status, r.created_at, r.expires_at, r.ended_at,
                   s.id AS seat_id, s.seat_number, s.grade, s.price
            FROM reservation r
            JOIN reservation_seat rs ON rs.reservation_id = r.id
            JOIN seat s ON s.id = rs.seat_id
            """;

    private final JdbcTemplate jdbc;

    JdbcReservationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Reservation hold(HoldRequest request, Instant now, Duration holdTtl, int maxSeatsPerUser) {
        Long[] seatIds = request.seatIds().stream().map(SeatId::value).toArray(Long[]::new);
        Map<Long, Boolean> refused = new LinkedHashMap<>();
        List<SeatId> lost = new ArrayList<>();
        List<ReservedSeat> held = new ArrayList<>();
        String[] outcome = {null};
        int[] owned = {0};
        long[] reservationId = {0};
        jdbc.query(HOLD, rs -> {
            outcome[0] = rs.getString("r_outcome");
            switch (outcome[0]) {
                case "REFUSED" -> refused.put(rs.getLong("r_seat_id"), rs.getBoolean("r_takeable"));
                case "LIMIT" -> owned[0] = rs.getInt("r_owned");
                case "UNAVAILABLE" -> lost.add(new SeatId(rs.getLong("r_seat_id")));
                case "HELD" -> {
                    held.add(new ReservedSeat(new SeatId(rs.getLong("r_seat_id")), rs.getInt("r_seat_number"),
                            rs.getString("r_grade"), rs.getLong("r_price")));
                    reservationId[0] = rs.getLong("r_reservation_id");
                }
                default -> throw new IllegalStateException("hold_seats answered " + outcome[0]);
            }
        }, request.userId().value(), request.concertId().value(), request.scheduleId().value(), seatIds,
                Timestamp.from(now), Timestamp.from(now.plus(holdTtl)), maxSeatsPerUser);
        if (outcome[0] == null || "REFUSED".equals(outcome[0])) {
            throw refusal(request, refused);
        }
        if ("LIMIT".equals(outcome[0])) {
            throw new SeatLimitExceededException(maxSeatsPerUser, owned[0]);
        }
        if ("UNAVAILABLE".equals(outcome[0])) {
            // taken by a hold that committed since the function's first query looked; nothing was written
            throw new SeatUnavailableException(lost);
        }
        if (held.size() != seatIds.length) {
            // the function raises an error instead, which rolls the hold back; this would be a bug here
            throw new IllegalStateException("hold_seats held " + held.size() + " of " + seatIds.length + " seats");
        }
        return new Reservation(new ReservationId(reservationId[0]), request.userId(), request.concertId(),
                request.scheduleId(), held, ReservationStatus.HELD, now, now.plus(holdTtl), null);
    }

    /** Why a hold cannot take the seats it asked for: some are not in the schedule, or not free now. */
    private static RuntimeException refusal(HoldRequest request, Map<Long, Boolean> requested) {
        List<SeatId> missing = request.seatIds().stream().filter(id -> !requested.containsKey(id.value())).toList();
        if (!missing.isEmpty()) {
            return new SeatNotFoundException(request.scheduleId(), missing);
        }
        return new SeatUnavailableException(request.seatIds().stream()
                .filter(id -> !requested.get(id.value())).toList());
    }

    @Override
    public Optional<Reservation> findById(ReservationId id) {
        List<Reservation> found = assemble(jdbc.query(SELECT_RESERVATION + " WHERE r.id = ?", ROW, id.value()));
        return found.stream().findFirst();
    }

    @Override
    public Page<Reservation> findByUser(UserId user, PageRequest page) {
        long total = jdbc.queryForObject("SELECT count(*) FROM reservation WHERE user_id = ?", Long.class, user.value());
        List<Reservation> items = assemble(jdbc.query(SELECT_RESERVATION + """
                 WHERE r.id IN (SELECT id FROM reservation WHERE user_id = ?
                                ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?)
                ORDER BY r.created_at DESC, r.id DESC""", ROW, user.value(), page.size(), page.offset()));
        return Page.of(items, page, total);
    }

    /**
     * A payment's confirmation in one statement: the caller's live hold becomes CONFIRMED and its seats SOLD,
     * answered with one row per seat sold (none if the hold was not the caller's, not HELD or run out; one without
     * a seat if none was still held for it, which is a bug). The
     * reservation row is locked first, then its seats, as everywhere. The seats are found by the confirmed id as
     * a value, so that any plan looks them up in {@code ix_seat_reservation}: written {@code IN (SELECT id FROM
     * confirmed)}, the generic plan made while the performance had few held seats read that whole index instead,
     * every payment reading every seat held or sold so far (ADR 16).
     */
    private static final String CONFIRM = """
            WITH confirmed AS (
                UPDATE reservation SET status = 'CONFIRMED', ended_at = ?
                WHERE id = ? AND user_id = ? AND status = 'HELD' AND expires_at > ?
                RETURNING id, user_id, concert_id, schedule_id, status, created_at, expires_at, ended_at, seat_count),
            sold AS (
                UPDATE seat SET status = 'SOLD', hold_until = NULL
                WHERE reservation_id = (SELECT id FROM confirmed) AND status = 'HELD'
                RETURNING id, seat_number, grade, price)
            SELECT c.id, c.user_id, c.concert_id, c.schedule_id, c.status, c.created_at, c.expires_at, c.ended_at,
                   c.seat_count, s.id AS seat_id, s.seat_number, s.grade, s.price
            FROM confirmed c LEFT JOIN sold s ON true ORDER BY s.id""";

    @Override
    public Optional<Reservation> confirm(ReservationId id, UserId user, Instant now) {
        Timestamp at = Timestamp.from(now);
        int[] seatCount = {0};
        List<Row> rows = new ArrayList<>();
        jdbc.query(CONFIRM, rs -> {
            seatCount[0] = rs.getInt("seat_count");
            if (rs.getObject("seat_id") != null) {
                rows.add(row(rs, rows.size()));
            }
        }, at, id.value(), user.value(), at);
        if (seatCount[0] == 0) {
            return Optional.empty();
        }
        if (rows.size() != seatCount[0]) {
            // a confirmed reservation must own every one of its seats; anything else is a bug, and rolls back
            throw new IllegalStateException("reservation " + id + " holds " + seatCount[0]
                    + " seats but " + rows.size() + " were still held for it");
        }
        return assemble(rows).stream().findFirst();
    }

    @Override
    public boolean cancel(ReservationId id, UserId user, Instant now) {
        Timestamp at = Timestamp.from(now);
        int cancelled = jdbc.update("""
                UPDATE reservation SET status = 'CANCELLED', ended_at = ?
                WHERE id = ? AND user_id = ? AND status = 'HELD' AND expires_at > ?""", at, id.value(), user.value(), at);
        if (cancelled == 0) {
            return false;
        }
        release(List.of(id.value()));
        return true;
    }

    @Override
    public int expireDue(Instant now, int limit) {
        Timestamp at = Timestamp.from(now);
        List<Long> expired = jdbc.queryForList("""
                UPDATE reservation SET status = 'EXPIRED', ended_at = ?
                WHERE id IN (SELECT id FROM reservation WHERE status = 'HELD' AND expires_at <= ?
                             ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id""", Long.class, at, at, limit);
        if (!expired.isEmpty()) {
            release(expired);
        }
        return expired.size();
    }

    private void release(List<Long> reservations) {
        jdbc.update("""
                UPDATE seat SET status = 'AVAILABLE', reservation_id = NULL, hold_until = NULL
                WHERE reservation_id = ANY (?) AND status = 'HELD'""", (Object) reservations.toArray(Long[]::new));
    }

    private record Row(long id, long userId, long concertId, long scheduleId, ReservationStatus status,
                       Instant createdAt, Instant expiresAt, Instant endedAt, ReservedSeat seat) {
    }

    private static final org.springframework.jdbc.core.RowMapper<Row> ROW = JdbcReservationRepository::row;

    private static Row row(ResultSet rs, int rowNumber) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Row(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("concert_id"), rs.getLong("schedule_id"),
                ReservationStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), ended == null ? null : ended.toInstant(),
                new ReservedSeat(new SeatId(rs.getLong("seat_id")), rs.getInt("seat_number"), rs.getString("grade"),
                        rs.getLong("price")));
    }

    /** Folds one row per seat into one reservation per id, keeping the rows' order. */
    private static List<Reservation> assemble(List<Row> rows) {
        Map<Long, List<Row>> byReservation = new LinkedHashMap<>();
        for (Row row : rows) {
            byReservation.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row);
        }
        return byReservation.values().stream().map(seats -> {
            Row first = seats.getFirst();
            return new Reservation(new ReservationId(first.id()), new UserId(first.userId()),
                    new ConcertId(first.concertId()), new ScheduleId(first.scheduleId()),
                    seats.stream().map(Row::seat).toList(), first.status(), first.createdAt(), first.expiresAt(),
                    first.endedAt());
        }).toList();
    }
}
