package com.concert.application.idempotency;

import com.concert.domain.shared.ValidationFailedException;

import java.util.Objects;
import java.util.regex.Pattern;

/** A client-chosen key that makes a retried request safe: 1 to 64 characters of {@code A-Za-z0-9_-}. */
public record IdempotencyKey(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw ValidationFailedException.of("Idempotency-Key", "must be 1 to 64 characters of A-Za-z0-9_-");
        }
    }
}
