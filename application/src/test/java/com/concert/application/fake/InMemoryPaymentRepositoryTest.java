package com.concert.application.fake;

import com.concert.application.contract.PaymentRepositoryContract;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.payment.PaymentRepository;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;

import java.util.concurrent.atomic.AtomicLong;

class InMemoryPaymentRepositoryTest extends PaymentRepositoryContract {

    private final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner(payments);
    private final AtomicLong reservations = new AtomicLong();

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
        return new ReservationId(reservations.incrementAndGet());
    }
}
