package com.concert.domain.payment;

import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;

import java.time.Instant;
import java.util.Optional;

/** Payments, at most one per reservation (the schema refuses a second one). */
public interface PaymentRepository {

    /** Stores the payment in the caller's transaction. */
    Payment record(ReservationId reservation, UserId user, long amount, long balanceAfter, Instant paidAt);

    Optional<Payment> findById(PaymentId id);
}
