package com.concert.domain.point;

import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a user's point history. Amounts are positive; the type says which way they went. The balance
 * always equals the sum of CHARGE and REFUND amounts minus the USE amounts.
 */
public record PointEntry(long id, UserId userId, PointType type, long amount, long balanceAfter, Instant createdAt,
                         ReservationId reservationId) {

    public PointEntry {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        if (amount < 1 || balanceAfter < 0) {
            throw new IllegalArgumentException("an entry moves a positive amount and leaves a balance of 0 or more");
        }
        if ((type == PointType.CHARGE) != (reservationId == null)) {
            throw new IllegalArgumentException("uses and refunds name their reservation; charges do not");
        }
    }

    /** What the entry did to the balance: positive for a charge or refund, negative for a use. */
    public long signedAmount() {
        return type == PointType.USE ? -amount : amount;
    }
}
