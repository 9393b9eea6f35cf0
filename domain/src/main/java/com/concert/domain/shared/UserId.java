package com.concert.domain.shared;

/**
 * A user of the service: a positive number, given once to each identity-provider subject (see
 * {@link com.concert.domain.user.UserRepository}). Never read from a request: a caller is who its verified token says.
 */
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
