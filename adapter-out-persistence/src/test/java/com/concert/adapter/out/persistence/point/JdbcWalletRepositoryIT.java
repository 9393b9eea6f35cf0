package com.concert.adapter.out.persistence.point;

import com.concert.application.contract.WalletRepositoryContract;
import com.concert.application.points.port.out.PointHistory;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.reservation.HoldRequest;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatRepository;
import com.concert.domain.shared.UserId;
import com.concert.testsupport.persistence.PersistenceIT;
import org.junit.jupiter.api.Nested;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.concert.domain.testing.ConcertFixture.concert;
import static com.concert.domain.testing.ConcertFixture.newEra;

class JdbcWalletRepositoryIT extends PersistenceIT {

    @Autowired
    WalletRepository wallets;

    @Autowired
    PointHistory history;

    @Autowired
    TransactionRunner transactions;

    @Autowired
    ConcertRepository concerts;

    @Autowired
    SeatRepository seats;

    @Autowired
    ReservationRepository reservations;

    /** A held reservation for point USE entries to name. */
    ReservationId aReservation() {
        Instant era = newEra();
        Concert concert = transactions.inTransaction(() ->
                concerts.create(concert().schedule(era.plus(Duration.ofDays(30)), era, 1).build()));
        Seat seat = transactions.readOnly(() -> seats.findBySchedule(concert.schedules().getFirst().id())).getFirst();
        return transactions.inTransaction(() -> reservations.hold(new HoldRequest(new UserId(1), concert.id(),
                seat.scheduleId(), List.of(seat.id())), era, Duration.ofMinutes(5), 4)).id();
    }

    /** The port's contract, run against PostgreSQL. */
    @Nested
    class Contract extends WalletRepositoryContract {

        @Override
        protected WalletRepository repository() {
            return wallets;
        }

        @Override
        protected PointHistory history() {
            return history;
        }

        @Override
        protected TransactionRunner transactions() {
            return transactions;
        }

        @Override
        protected ReservationId aReservation() {
            return JdbcWalletRepositoryIT.this.aReservation();
        }
    }
}
