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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reservations in plain SQL: every change is a conditional statement whose row count says whether it
 * happened, never a read followed by a write (a read may refuse early, never grant). See ADR 6 for the locking order that keeps holds free of
 * deadlocks.
 */
@Component
class JdbcReservationRepository implements ReservationRepository, ReservationHistory {

    /**
     * The requested seats that exist in the schedule, how each stands now, and the caller's lock: a seat missing
     * or taken refuses the hold at once, before it takes any lock or writes anything (in a rush for few seats
     * almost every request loses, and a loser should cost one statement). Only when every seat could be taken does
     * it take the advisory lock on (user, schedule) that serialises one user's holds on one performance, so that
     * two of them cannot both pass the per-user limit; the lock is held until the transaction ends. Only refusals
     * are decided here; a hold is still decided by {@link #HOLD} alone.
     */
    private static final String REQUESTED_SEATS_AND_LOCK = """
            WITH requested AS (
                SELECT id, status, (status = 'AVAILABLE' OR (status = 'HELD' AND hold_until <= ?)) AS takeable
                FROM seat WHERE schedule_id = ? AND id = ANY (?)),
            verdict AS (SELECT count(*) = ? AND bool_and(takeable) AS all_takeable FROM requested)
            SELECT r.id, r.status, r.takeable,
                   CASE WHEN v.all_takeable THEN pg_advisory_xact_lock(hashtextextended('hold:' || ? || ':' || ?, 0))
                   END IS NOT NULL AS locked
            FROM requested r CROSS JOIN verdict v""";

    /**
     * Ends the run-out holds on the requested seats, and frees their other seats too. Run only when a requested
     * seat is still HELD by a hold past its deadline, before {@link #HOLD}: the new hold's seat rows may only be
     * written once the old hold no longer owns them (the live-seat unique index of {@code reservation_seat}).
     * The old holds' ids are an array, not a subquery to join, for the reason given at {@link #CONFIRM}.
     */
    private static final String EXPIRE_STALE_HOLDERS = """
            WITH stale AS (
                UPDATE reservation SET status = 'EXPIRED', ended_at = ?
                WHERE id IN (SELECT r.id FROM reservation r
                             WHERE r.status = 'HELD' AND r.expires_at <= ?
                               AND r.id IN (SELECT reservation_id FROM seat
                                            WHERE id = ANY (?) AND status = 'HELD' AND hold_until <= ?)
                             ORDER BY r.id FOR UPDATE)
                RETURNING id)
            UPDATE seat SET status = 'AVAILABLE', reservation_id = NULL, hold_until = NULL
            WHERE reservation_id = ANY (ARRAY(SELECT id FROM stale)) AND status = 'HELD' AND NOT (id = ANY (?))""";

    /**
     * The hold itself, one statement, run after the lock so that its snapshot sees the caller's committed holds:
     * the seats the caller already holds or owns in the schedule; the reservation, written only if the new seats
     * keep the caller within the limit; the requested seats, locked in ascending id order and taken only if
     * available (or, once {@link #EXPIRE_STALE_HOLDERS} has run, held by a hold past its deadline); and their
     * {@code reservation_seat} rows. The availability condition sits in the locking subquery too, so that a seat
     * taken meanwhile is skipped without waiting for its lock. Always one row: the seats owned before, and one
     * row per seat taken (none when the limit refused it). Fewer seats than requested roll the caller's
     * transaction back.
     */
    private static final String HOLD = """
            WITH owned AS (
                SELECT coalesce(sum(seat_count), 0) AS seats FROM reservation
                WHERE user_id = ? AND schedule_id = ?
                  AND (status = 'CONFIRMED' OR (status = 'HELD' AND expires_at > ?))),
            priced AS (SELECT coalesce(sum(price), 0) AS total FROM seat WHERE schedule_id = ? AND id = ANY (?)),
            created AS (
                INSERT INTO reservation (user_id, concert_id, schedule_id, status, seat_count, total_price,
                                         created_at, expires_at)
                SELECT ?, ?, ?, 'HELD', ?, priced.total, ?, ? FROM owned, priced WHERE owned.seats + ? <= ?
                RETURNING id),
            held AS (
                UPDATE seat SET status = 'HELD', reservation_id = created.id, hold_until = ?
                FROM created
                WHERE seat.id IN (SELECT id FROM seat
                                  WHERE schedule_id = ? AND id = ANY (?)
                                    AND (status = 'AVAILABLE' OR (? AND status = 'HELD' AND hold_until <= ?))
                                  ORDER BY id FOR UPDATE)
                RETURNING seat.id, seat.seat_number, seat.grade, seat.price, created.id AS reservation_id),
            linked AS (
                INSERT INTO reservation_seat (reservation_id, seat_id, schedule_id, reservation_status)
                SELECT reservation_id, id, ?, 'HELD' FROM held)
            SELECT owned.seats AS owned, held.id, held.seat_number, held.grade, held.price, held.reservation_id
            FROM owned LEFT JOIN held ON true ORDER BY held.id""";

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
        long user = request.userId().value();
        long schedule = request.scheduleId().value();
        Long[] seatIds = request.seatIds().stream().map(SeatId::value).toArray(Long[]::new);
        Timestamp at = Timestamp.from(now);
        Timestamp until = Timestamp.from(now.plus(holdTtl));

        Map<Long, Boolean> requested = new LinkedHashMap<>();
        boolean[] runOutHolds = {false};
        jdbc.query(REQUESTED_SEATS_AND_LOCK, rs -> {
            requested.put(rs.getLong("id"), rs.getBoolean("takeable"));
            runOutHolds[0] |= "HELD".equals(rs.getString("status"));
        }, at, schedule, seatIds, seatIds.length, Long.toString(user), Long.toString(schedule));
        if (requested.size() != seatIds.length || requested.containsValue(false)) {
            throw refusal(request, requested);
        }
        if (runOutHolds[0]) {
            jdbc.update(EXPIRE_STALE_HOLDERS, at, at, seatIds, at, seatIds);
        }
        int[] owned = {0};
        List<ReservedSeat> held = new ArrayList<>();
        long[] reservationId = {0};
        jdbc.query(HOLD, rs -> {
            owned[0] = rs.getInt("owned");
            if (rs.getObject("id") != null) {
                held.add(new ReservedSeat(new SeatId(rs.getLong("id")), rs.getInt("seat_number"), rs.getString("grade"),
                        rs.getLong("price")));
                reservationId[0] = rs.getLong("reservation_id");
            }
        }, user, schedule, at, schedule, seatIds,
                user, request.concertId().value(), schedule, seatIds.length, at, until, seatIds.length, maxSeatsPerUser,
                until, schedule, seatIds, runOutHolds[0], at,
                schedule);
        if (owned[0] + seatIds.length > maxSeatsPerUser) {
            throw new SeatLimitExceededException(maxSeatsPerUser, owned[0]);
        }
        if (held.size() != seatIds.length) {
            // taken by a hold that committed since the first statement looked; the caller's transaction rolls back
            Set<Long> got = new HashSet<>(held.stream().map(seat -> seat.id().value()).toList());
            throw new SeatUnavailableException(request.seatIds().stream().filter(id -> !got.contains(id.value())).toList());
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
