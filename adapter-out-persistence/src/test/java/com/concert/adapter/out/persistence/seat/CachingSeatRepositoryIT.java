package com.concert.adapter.out.persistence.seat;

import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatRepository;
import com.concert.domain.seat.SeatSnapshot;
import com.concert.domain.seat.SeatStatus;
import com.concert.testsupport.persistence.PersistenceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.concert.domain.testing.ConcertFixture.concert;
import static com.concert.domain.testing.ConcertFixture.newEra;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CachingSeatRepositoryIT extends PersistenceIT {

    @Autowired
    SeatRepository seats;

    @Autowired
    ConcertRepository concerts;

    @Autowired
    TransactionRunner transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSaleShowsWithinTheAllowedLag_andARunOutHoldAtOnce() {
        Instant now = Instant.now();
        Instant era = newEra();
        Concert concert = transactions.inTransaction(() ->
                concerts.create(concert().schedule(era.plus(Duration.ofDays(30)), era, 2).build()));
        ScheduleId schedule = concert.schedules().getFirst().id();
        assertThat(seats.findBySchedule(schedule)).extracting(s -> s.statusAt(now)).containsOnly(SeatStatus.AVAILABLE);
        long reservation = jdbc.queryForObject("""
                INSERT INTO reservation (user_id, concert_id, schedule_id, status, seat_count, total_price, created_at, expires_at)
                VALUES (1, ?, ?, 'HELD', 1, 1, ?, ?) RETURNING id""", Long.class, concert.id().value(), schedule.value(),
                Timestamp.from(now), Timestamp.from(now.plusSeconds(2)));
        jdbc.update("UPDATE seat SET status = 'HELD', reservation_id = ?, hold_until = ? WHERE schedule_id = ? AND seat_number = 1",
                reservation, Timestamp.from(now.plusSeconds(2)), schedule.value());

        await().atMost(Duration.ofMillis(CachingSeatRepository.MAX_LAG.toMillis() + 500))
                .until(() -> seats.findBySchedule(schedule).getFirst().statusAt(Instant.now()) == SeatStatus.HELD);
        List<Seat> map = seats.findBySchedule(schedule);
        assertThat(map.getFirst().statusAt(now.plusSeconds(3))).as("judged at read time").isEqualTo(SeatStatus.AVAILABLE);
        assertThat(seats.countAvailable(List.of(schedule), now.plusMillis(10))).isEqualTo(Map.of(schedule, 1));
    }

    @Test
    void readsWithinTheLag_answerOneCopyWithOneNumber_andTheNextCopyHasAHigherOne() {
        Instant era = newEra();
        Concert concert = transactions.inTransaction(() ->
                concerts.create(concert().schedule(era.plus(Duration.ofDays(30)), era, 3).build()));
        ScheduleId schedule = concert.schedules().getFirst().id();

        SeatSnapshot first = seats.snapshot(schedule);
        SeatSnapshot again = seats.snapshot(schedule);

        assertThat(again.read()).isEqualTo(first.read());
        assertThat(again.seats()).isSameAs(first.seats());
        await().atMost(Duration.ofMillis(CachingSeatRepository.MAX_LAG.toMillis() + 500))
                .until(() -> seats.snapshot(schedule).read() > first.read());
        assertThat(seats.findBySchedule(schedule)).isEqualTo(first.seats());
    }
}
