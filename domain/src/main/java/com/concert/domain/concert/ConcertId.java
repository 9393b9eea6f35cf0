package com.concert.domain.concert;

public record ConcertId(long value) {

    public ConcertId {
        if (value < 1) {
            throw new IllegalArgumentException("a concert id is positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
