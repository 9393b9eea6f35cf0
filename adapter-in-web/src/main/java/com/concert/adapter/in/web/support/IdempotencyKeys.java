package com.concert.adapter.in.web.support;

import com.concert.application.idempotency.IdempotencyKey;

import java.util.Optional;

/** The optional {@code Idempotency-Key} header; a malformed one is a validation error naming the header. */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    public static Optional<IdempotencyKey> of(String header) {
        return header == null ? Optional.empty() : Optional.of(new IdempotencyKey(header));
    }
}
