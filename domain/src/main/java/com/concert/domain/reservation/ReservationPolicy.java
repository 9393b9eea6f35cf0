package com.concert.domain.reservation;

import java.time.Duration;
import java.util.Objects;

/** How long a hold lasts before its seats are free again, and how many seats one user may have per performance. */
public record ReservationPolicy(Duration holdTtl, int maxSeatsPerUser) {

    public ReservationPolicy {
        Objects.requireNonNull(holdTtl, "holdTtl");
        if (holdTtl.isZero() || holdTtl.isNegative() || maxSeatsPerUser < 1) {
            throw new IllegalArgumentException("a hold lasts a positive time and a user may have at least one seat");
        }
    }
}
