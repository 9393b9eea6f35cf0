package com.concert.domain.seat;

public record SeatId(long value) {

    public SeatId {
        if (value < 1) {
            throw new IllegalArgumentException("a seat id is positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
