package com.concert.domain.concert;

import java.time.Instant;
import java.util.Objects;

/**
 * When seats of one performance can be booked: from {@code opensAt} (inclusive) until {@code closesAt}
 * (exclusive).
 */
public record BookingWindow(Instant opensAt, Instant closesAt) {

    public BookingWindow {
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        if (!opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("a booking window opens before it closes");
        }
    }

    public boolean isOpenAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
