package com.concert.domain.reservation;

public record ReservationId(long value) {

    public ReservationId {
        if (value < 1) {
            throw new IllegalArgumentException("a reservation id is positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
