package com.concert.adapter.out.persistence.reservation;

import com.concert.application.booking.port.out.ReservationHistory;
import com.concert.application.contract.ReservationRepositoryContract;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.concert.Section;
import com.concert.domain.reservation.HoldRequest;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatRepository;
import com.concert.domain.shared.UserId;
import com.concert.testsupport.persistence.PersistenceIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.concert.domain.testing.ConcertFixture.concert;
import static com.concert.domain.testing.ConcertFixture.newEra;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcReservationRepositoryIT extends PersistenceIT {

    @Autowired
    ReservationRepository reservations;

    @Autowired
    ReservationHistory history;

    /** Exact reads: the contract checks each change at once, which the cached seat maps show up to 1 s later. */
    @Autowired
    @Qualifier("exactSeatRepository")
    SeatRepository seats;

    @Autowired
    ConcertRepository concerts;

    @Autowired
    TransactionRunner transactions;

    @Autowired
    JdbcTemplate jdbc;

    ReservationRepositoryContract.Stage stage(int count, long price) {
        Instant era = newEra();
        Concert concert = transactions.inTransaction(() -> concerts.create(concert()
                .schedule(era.plus(Duration.ofDays(30)), era, new Section("R", price, count)).build()));
        return new ReservationRepositoryContract.Stage(concert.id(), concert.schedules().getFirst().id(),
                transactions.readOnly(() -> seats.findBySchedule(concert.schedules().getFirst().id()))
                        .stream().map(Seat::id).toList());
    }

    @Test
    void everySeatIsAccountedFor_afterTheContract() {
        assertEverySeatIsAccountedFor();
    }

    private void assertEverySeatIsAccountedFor() {
        // a SOLD seat belongs to a CONFIRMED reservation, a HELD one to a HELD reservation, across all tests so far
        Integer orphans = jdbc.queryForObject("""
                SELECT count(*) FROM seat s LEFT JOIN reservation r ON r.id = s.reservation_id
                WHERE (s.status = 'SOLD' AND r.status IS DISTINCT FROM 'CONFIRMED')
                   OR (s.status = 'HELD' AND r.status IS DISTINCT FROM 'HELD')""", Integer.class);
        assertThat(orphans).isZero();
    }

    @Test
    void aHoldInsideACallersTransaction_isUndoneWithIt() {
        ReservationRepositoryContract.Stage stage = stage(2, 1_000);
        UserId user = new UserId(900_000_000L + System.nanoTime() % 1_000_000);
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        HoldRequest both = new HoldRequest(user, stage.concertId(), stage.scheduleId(), stage.seats());

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            reservations.hold(new HoldRequest(user, stage.concertId(), stage.scheduleId(), List.of(stage.seats().get(0))),
                    now, Duration.ofMinutes(5), 4);
            throw new IllegalStateException("the caller fails after the hold");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation WHERE user_id = ?", Integer.class,
                user.value())).isZero();
        assertThat(transactions.inTransaction(() -> reservations.hold(both, now, Duration.ofMinutes(5), 4)).seats())
                .hasSize(2);
    }

    /** The port's contract, run against PostgreSQL. */
    @Nested
    class Contract extends ReservationRepositoryContract {

        @AfterEach
        void everySeatIsAccountedFor() {
            assertEverySeatIsAccountedFor();
        }

        @Override
        protected ReservationRepository repository() {
            return reservations;
        }

        @Override
        protected ReservationHistory history() {
            return history;
        }

        @Override
        protected SeatRepository seats() {
            return seats;
        }

        @Override
        protected TransactionRunner transactions() {
            return transactions;
        }

        @Override
        protected Stage stage(int count, long price) {
            return JdbcReservationRepositoryIT.this.stage(count, price);
        }
    }
}
