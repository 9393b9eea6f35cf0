package com.concert.application.fake;

import com.concert.domain.payment.Payment;
import com.concert.domain.payment.PaymentId;
import com.concert.domain.payment.PaymentRepository;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Payments in memory; a second payment of one reservation is refused, as the schema refuses it. */
public final class InMemoryPaymentRepository implements PaymentRepository, InMemoryStore {

    private final Map<PaymentId, Payment> payments = new HashMap<>();

    @Override
    public synchronized Payment record(ReservationId reservation, UserId user, long amount, long balanceAfter,
                                       Instant paidAt) {
        if (payments.values().stream().anyMatch(p -> p.reservationId().equals(reservation))) {
            throw new IllegalStateException("reservation " + reservation + " is paid already");
        }
        Payment payment = new Payment(new PaymentId(payments.size() + 1), reservation, user, amount, balanceAfter, paidAt);
        payments.put(payment.id(), payment);
        return payment;
    }

    @Override
    public synchronized Optional<Payment> findById(PaymentId id) {
        return Optional.ofNullable(payments.get(id));
    }

    @Override
    public synchronized Runnable savepoint() {
        Map<PaymentId, Payment> saved = new HashMap<>(payments);
        return () -> {
            synchronized (this) {
                payments.clear();
                payments.putAll(saved);
            }
        };
    }

    public synchronized int count() {
        return payments.size();
    }
}
