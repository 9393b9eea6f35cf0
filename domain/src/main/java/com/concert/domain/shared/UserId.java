package com.concert.domain.shared;

/** A user as asserted by the gateway in front of the service: a positive number. */
public record UserId(long value) {

    public UserId {
        if (value < 1) {
            throw new IllegalArgumentException("a user id is positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
