package com.concert.domain.payment;

import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;

import java.time.Instant;
import java.util.Objects;

/** A reservation paid with points; {@code balanceAfter} is the wallet right after this payment. */
public record Payment(PaymentId id, ReservationId reservationId, UserId userId, long amount, long balanceAfter,
                      Instant paidAt) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(paidAt, "paidAt");
        if (amount < 1 || balanceAfter < 0) {
            throw new IllegalArgumentException("a payment is positive and leaves a balance of 0 or more");
        }
    }
}
