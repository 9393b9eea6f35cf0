package com.concert.application.fake;

import com.concert.application.booking.port.out.PaymentSettlement;
import com.concert.application.contract.PaymentSettlementContract;
import com.concert.application.contract.ReservationRepositoryContract.Stage;
import com.concert.application.idempotency.IdempotencyStore;
import com.concert.application.points.port.out.PointHistory;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.Concert;
import com.concert.domain.payment.PaymentRepository;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatRepository;

import java.time.Duration;
import java.time.Instant;

import static com.concert.domain.testing.ConcertFixture.concert;

class InMemoryPaymentSettlementTest extends PaymentSettlementContract {

    private final InMemoryConcertRepository concerts = new InMemoryConcertRepository();
    private final InMemorySeatRepository seats = new InMemorySeatRepository();
    private final InMemoryReservationRepository reservations = new InMemoryReservationRepository(seats);
    private final InMemoryWalletRepository wallets = new InMemoryWalletRepository();
    private final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    private final DirectTransactionRunner transactions =
            new DirectTransactionRunner(reservations, wallets, payments, idempotency);
    private final InMemoryPaymentSettlement settlement =
            new InMemoryPaymentSettlement(reservations, wallets, payments, idempotency);

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
        return wallets;
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
        Instant now = Instant.parse("2026-11-01T00:00:00Z");
        Concert concert = concerts.create(concert().schedule(now.plus(Duration.ofDays(60)), now, count).build());
        return new Stage(concert.id(), concert.schedules().getFirst().id(),
                seats.addSeats(concert.schedules().getFirst(), count, price).stream().map(Seat::id).toList());
    }
}
