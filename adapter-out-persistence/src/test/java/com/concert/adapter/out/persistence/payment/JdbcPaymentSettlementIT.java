package com.concert.adapter.out.persistence.payment;

import com.concert.application.booking.port.out.PaymentSettlement;
import com.concert.application.booking.port.out.PaymentSettlement.Paid;
import com.concert.application.idempotency.IdempotencyKey;
import com.concert.application.contract.PaymentSettlementContract;
import com.concert.application.contract.ReservationRepositoryContract.Stage;
import com.concert.application.idempotency.IdempotencyStore;
import com.concert.application.points.port.out.PointHistory;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.concert.Section;
import com.concert.domain.payment.PaymentRepository;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.reservation.HoldRequest;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.reservation.ReservationStatus;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatRepository;
import com.concert.domain.shared.UserId;
import com.concert.testsupport.persistence.PersistenceIT;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.concert.domain.testing.ConcertFixture.concert;
import static com.concert.domain.testing.ConcertFixture.newEra;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcPaymentSettlementIT extends PersistenceIT {

    @Autowired
    PaymentSettlement settlement;

    @Autowired
    TransactionRunner transactions;

    @Autowired
    ConcertRepository concerts;

    @Autowired
    @Qualifier("exactSeatRepository")
    SeatRepository seats;

    @Autowired
    ReservationRepository reservations;

    @Autowired
    WalletRepository wallets;

    @Autowired
    PointHistory pointHistory;

    @Autowired
    PaymentRepository payments;

    @Autowired
    IdempotencyStore idempotency;

    @Autowired
    JdbcTemplate jdbc;

    /** The performances this test made: other tests confirm or pay reservations through the narrower ports. */
    final List<Long> schedules = new CopyOnWriteArrayList<>();

    Stage stage(int count, long price) {
        Instant era = newEra();
        Concert concert = transactions.inTransaction(() -> concerts.create(concert()
                .schedule(era.plus(Duration.ofDays(30)), era, new Section("R", price, count)).build()));
        schedules.add(concert.schedules().getFirst().id().value());
        return new Stage(concert.id(), concert.schedules().getFirst().id(),
                transactions.readOnly(() -> seats.findBySchedule(concert.schedules().getFirst().id()))
                        .stream().map(Seat::id).toList());
    }

    void everyPaymentAgreesWithItsReservation_itsSeats_andItsUseOfPoints() {
        // across every reservation of the performances made here: a CONFIRMED reservation has exactly one payment of its price, one use of
        // points of that amount with the same balance after it, and every one of its seats SOLD
        Integer disagreeing = jdbc.queryForObject("""
                SELECT count(*) FROM reservation r
                LEFT JOIN payment p ON p.reservation_id = r.id
                LEFT JOIN point_history h ON h.reservation_id = r.id AND h.type = 'USE'
                WHERE r.schedule_id = ANY (?) AND ((r.status = 'CONFIRMED') <> (p.id IS NOT NULL)
                   OR (p.id IS NOT NULL AND (p.amount <> r.total_price OR h.amount IS DISTINCT FROM p.amount
                                             OR h.balance_after IS DISTINCT FROM p.balance_after
                                             OR (SELECT count(*) FROM seat s WHERE s.reservation_id = r.id
                                                 AND s.status = 'SOLD') <> r.seat_count)))""", Integer.class,
                (Object) schedules.toArray(Long[]::new));
        assertThat(disagreeing).isZero();
    }

    @Test
    void aSettlementInsideACallersTransaction_isUndoneWithIt() {
        Stage stage = stage(1, 1_000);
        UserId user = new UserId(910_000_000L + System.nanoTime() % 1_000_000);
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        IdempotencyKey key = new IdempotencyKey("undone-1");
        transactions.inTransaction(() -> wallets.charge(user, 1_000, 10_000_000, now));
        Reservation held = transactions.inTransaction(() -> reservations.hold(
                new HoldRequest(user, stage.concertId(), stage.scheduleId(), stage.seats()), now, Duration.ofMinutes(5), 4));

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            assertThat(settlement.settle(user, held.id(), Optional.of(stage.concertId()), Optional.of(key), "payment:x",
                    now)).isInstanceOf(Paid.class);
            throw new IllegalStateException("the caller fails after the payment");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(transactions.readOnly(() -> reservations.findById(held.id())).orElseThrow().status())
                .isEqualTo(ReservationStatus.HELD);
        assertThat(transactions.readOnly(() -> wallets.find(user)).balance()).isEqualTo(1_000);
        assertThat(transactions.readOnly(() -> idempotency.find(user, key))).isEmpty();
        assertThat(transactions.singleCall(() -> settlement.settle(user, held.id(), Optional.of(stage.concertId()),
                Optional.of(key), "payment:x", now))).isInstanceOf(Paid.class);
        everyPaymentAgreesWithItsReservation_itsSeats_andItsUseOfPoints();
    }

    /** The port's contract, run against PostgreSQL. */
    @Nested
    class Contract extends PaymentSettlementContract {

        @AfterEach
        void everyPaymentAgreesWithItsReservation() {
            everyPaymentAgreesWithItsReservation_itsSeats_andItsUseOfPoints();
        }

        @Override
        protected PaymentSettlement settlement() {
            return settlement;
        }

        @Override
        protected TransactionRunner transactions() {
            return transactions;
        }

        @Override
        protected ReservationRepository reservations() {
            return reservations;
        }

        @Override
        protected SeatRepository seats() {
            return seats;
        }

        @Override
        protected WalletRepository wallets() {
            return wallets;
        }

        @Override
        protected PointHistory pointHistory() {
            return pointHistory;
        }

        @Override
        protected PaymentRepository payments() {
            return payments;
        }

        @Override
        protected IdempotencyStore idempotency() {
            return idempotency;
        }

        @Override
        protected Stage stage(int count, long price) {
            return JdbcPaymentSettlementIT.this.stage(count, price);
        }
    }
}
