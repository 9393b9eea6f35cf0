package com.concert.application.idempotency;

import java.util.Objects;

/**
 * What the first request with a key did: a fingerprint of that request (operation and body), and a short
 * reference to its result from which the same answer is rebuilt (a payment id, a balance).
 */
public record IdempotentOutcome(String requestHash, String result) {

    public IdempotentOutcome {
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(result, "result");
    }

    /** The outcome of a repeat of this request: its result, or a refusal if the key came with another request. */
    public String resultFor(String repeatHash) {
        if (!requestHash.equals(repeatHash)) {
            throw new IdempotencyKeyReusedException();
        }
        return result;
    }
}
