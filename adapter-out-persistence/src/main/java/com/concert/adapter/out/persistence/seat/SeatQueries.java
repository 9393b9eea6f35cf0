package com.concert.adapter.out.persistence.seat;

import com.concert.domain.concert.ScheduleId;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatId;
import com.concert.domain.seat.SeatRepository;
import com.concert.domain.seat.SeatSnapshot;
import com.concert.domain.seat.SeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seat reads in plain SQL, exact at the moment of the query: a seat map is thousands of rows read many times a
 * second, and every write to a seat is a single conditional statement elsewhere, so an entity life cycle buys
 * nothing here. The service reads through {@link CachingSeatRepository}; this one is for tests that must see
 * every change at once.
 */
@Component(SeatQueries.EXACT)
class SeatQueries implements SeatRepository {

    /** The bean name of the uncached reads. */
    static final String EXACT = "exactSeatRepository";

    private static final RowMapper<Seat> SEAT = (rs, row) -> {
        Timestamp holdUntil = rs.getTimestamp("hold_until");
        return Seat.restore(new SeatId(rs.getLong("id")), new ScheduleId(rs.getLong("schedule_id")),
                rs.getInt("seat_number"), rs.getString("grade"), rs.getLong("price"),
                SeatStatus.valueOf(rs.getString("status")), holdUntil == null ? null : holdUntil.toInstant());
    };

    private final JdbcTemplate jdbc;
    private final AtomicLong reads = new AtomicLong();

    SeatQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Numbered before the query starts, so that a read that begins later has a higher number. */
    @Override
    public SeatSnapshot snapshot(ScheduleId schedule) {
        long read = reads.incrementAndGet();
        List<Seat> seats = jdbc.query("""
                SELECT id, schedule_id, seat_number, grade, price, status, hold_until
                FROM seat WHERE schedule_id = ? ORDER BY seat_number""", SEAT, schedule.value());
        return new SeatSnapshot(read, seats);
    }

    @Override
    public Map<ScheduleId, Integer> countAvailable(Collection<ScheduleId> schedules, Instant now) {
        Map<ScheduleId, Integer> counts = new HashMap<>();
        schedules.forEach(s -> counts.put(s, 0));
        if (schedules.isEmpty()) {
            return counts;
        }
        Long[] ids = schedules.stream().map(ScheduleId::value).toArray(Long[]::new);
        jdbc.query("""
                SELECT schedule_id,
                       count(*) FILTER (WHERE status = 'AVAILABLE' OR (status = 'HELD' AND hold_until <= ?)) AS available
                FROM seat WHERE schedule_id = ANY (?) GROUP BY schedule_id""",
                rs -> {
                    counts.put(new ScheduleId(rs.getLong("schedule_id")), rs.getInt("available"));
                },
                Timestamp.from(now), ids);
        return counts;
    }
}
