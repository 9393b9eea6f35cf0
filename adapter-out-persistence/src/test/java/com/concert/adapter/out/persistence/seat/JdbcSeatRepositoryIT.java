package com.concert.adapter.out.persistence.seat;

import com.concert.application.contract.ReservationRepositoryContract.Stage;
import com.concert.application.contract.SeatRepositoryContract;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.concert.Section;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatRepository;
import com.concert.domain.seat.SeatStatus;
import com.concert.testsupport.persistence.PersistenceIT;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.concert.domain.testing.ConcertFixture.concert;
import static com.concert.domain.testing.ConcertFixture.newEra;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcSeatRepositoryIT extends PersistenceIT {

    /** Exact reads: the contract checks each change at once, which the cached seat maps show up to 1 s later. */
    @Autowired
    @Qualifier("exactSeatRepository")
    SeatRepository seats;

    @Autowired
    ConcertRepository concerts;

    @Autowired
    TransactionRunner transactions;

    @Autowired
    ReservationRepository reservations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSeatMap_andTheAvailableCount_treatARunOutHoldAsAvailable() {
        Instant now = newEra().plus(Duration.ofDays(1));
        Concert concert = transactions.inTransaction(() -> concerts.create(concert()
                .schedule(now.plus(Duration.ofDays(5)), now.minus(Duration.ofDays(1)),
                        new Section("VIP", 150_000, 2), new Section("R", 110_000, 3))
                .schedule(now.plus(Duration.ofDays(6)), now.minus(Duration.ofDays(1)), 4)
                .build()));
        ScheduleId first = concert.schedules().get(0).id();
        ScheduleId second = concert.schedules().get(1).id();
        long confirmed = reservation(concert, first, "CONFIRMED", now, now.plusSeconds(300));
        long live = reservation(concert, first, "HELD", now, now.plusSeconds(60));
        long runOut = reservation(concert, first, "HELD", now.minusSeconds(301), now.minusSeconds(1));
        hold(first, 1, "SOLD", confirmed, null);
        hold(first, 2, "HELD", live, now.plusSeconds(60));
        hold(first, 3, "HELD", runOut, now.minusSeconds(1));

        List<Seat> map = seats.findBySchedule(first);
        Map<ScheduleId, Integer> available = seats.countAvailable(List.of(first, second), now);

        assertThat(map).extracting(Seat::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(map).extracting(Seat::grade).containsExactly("VIP", "VIP", "R", "R", "R");
        assertThat(map).extracting(s -> s.statusAt(now)).containsExactly(
                SeatStatus.SOLD, SeatStatus.HELD, SeatStatus.AVAILABLE, SeatStatus.AVAILABLE, SeatStatus.AVAILABLE);
        assertThat(map.get(1).holdUntil()).isEqualTo(now.plusSeconds(60));
        assertThat(available).containsEntry(first, 3).containsEntry(second, 4);
        assertThat(seats.countAvailable(List.of(new ScheduleId(Long.MAX_VALUE)), now))
                .containsEntry(new ScheduleId(Long.MAX_VALUE), 0);
    }

    private long reservation(Concert concert, ScheduleId schedule, String status, Instant createdAt, Instant expiresAt) {
        return jdbc.queryForObject("""
                INSERT INTO reservation (user_id, concert_id, schedule_id, status, seat_count, total_price, created_at, expires_at, ended_at)
                VALUES (1, ?, ?, ?, 1, 1, ?, ?, ?) RETURNING id""", Long.class, concert.id().value(), schedule.value(), status,
                Timestamp.from(createdAt), Timestamp.from(expiresAt), status.equals("HELD") ? null : Timestamp.from(createdAt));
    }

    private void hold(ScheduleId schedule, int number, String status, long reservation, Instant until) {
        jdbc.update("UPDATE seat SET status = ?, reservation_id = ?, hold_until = ? WHERE schedule_id = ? AND seat_number = ?",
                status, reservation, until == null ? null : Timestamp.from(until), schedule.value(), number);
    }

    /** The port's contract, run against PostgreSQL. */
    @Nested
    class Contract extends SeatRepositoryContract {

        @Override
        protected SeatRepository seats() {
            return seats;
        }

        @Override
        protected ReservationRepository reservations() {
            return reservations;
        }

        @Override
        protected TransactionRunner transactions() {
            return transactions;
        }

        @Override
        protected Stage stage(int count, long price) {
            Instant era = newEra();
            Concert concert = transactions.inTransaction(() -> concerts.create(concert()
                    .schedule(era.plus(Duration.ofDays(30)), era, new Section("R", price, count)).build()));
            return new Stage(concert.id(), concert.schedules().getFirst().id(),
                    seats.findBySchedule(concert.schedules().getFirst().id()).stream().map(Seat::id).toList());
        }
    }
}
