package com.concert.domain.user;

/**
 * Who a caller is to the identity provider: the {@code sub} claim of a verified access token, any string of 1
 * to 255 characters (a UUID, {@code auth0|abc}, a user name). Opaque to the service, which maps it to its own
 * {@link com.concert.domain.shared.UserId} once.
 */
public record Subject(String value) {

    public static final int MAX_LENGTH = 255;

    public Subject {
        if (!isValid(value)) {
            throw new IllegalArgumentException("a subject is 1 to " + MAX_LENGTH + " characters");
        }
    }

    /** Whether {@code value} may name a subject: the check a token's {@code sub} claim must pass. */
    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH;
    }

    @Override
    public String toString() {
        return value;
    }
}
