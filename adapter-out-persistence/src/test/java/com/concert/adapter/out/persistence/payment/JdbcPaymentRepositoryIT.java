package com.concert.adapter.out.persistence.payment;

import com.concert.application.contract.PaymentRepositoryContract;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.payment.PaymentRepository;
import com.concert.domain.reservation.HoldRequest;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatRepository;
import com.concert.domain.shared.UserId;
import com.concert.testsupport.persistence.PersistenceIT;
import org.junit.jupiter.api.Nested;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.concert.domain.testing.ConcertFixture.concert;
import static com.concert.domain.testing.ConcertFixture.newEra;

class JdbcPaymentRepositoryIT extends PersistenceIT {

    @Autowired
    PaymentRepository payments;

    @Autowired
    TransactionRunner transactions;

    @Autowired
    ConcertRepository concerts;

    @Autowired
    @Qualifier("exactSeatRepository")
    SeatRepository seats;

    @Autowired
    ReservationRepository reservations;

    /** A held reservation of {@code user}, for a payment to name. */
    ReservationId aReservation(UserId user) {
        Instant era = newEra();
        Concert concert = transactions.inTransaction(() ->
                concerts.create(concert().schedule(era.plus(Duration.ofDays(30)), era, 1).build()));
        Seat seat = seats.findBySchedule(concert.schedules().getFirst().id()).getFirst();
        return transactions.inTransaction(() -> reservations.hold(new HoldRequest(user, concert.id(),
                seat.scheduleId(), List.of(seat.id())), era, Duration.ofMinutes(5), 4)).id();
    }

    /** The port's contract, run against PostgreSQL. */
    @Nested
    class Contract extends PaymentRepositoryContract {

        @Override
        protected PaymentRepository repository() {
            return payments;
        }

        @Override
        protected TransactionRunner transactions() {
            return transactions;
        }

        @Override
        protected ReservationId aReservation(UserId user) {
            return JdbcPaymentRepositoryIT.this.aReservation(user);
        }
    }
}
