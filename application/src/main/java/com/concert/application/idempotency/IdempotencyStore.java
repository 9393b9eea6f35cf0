package com.concert.application.idempotency;

import com.concert.domain.shared.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers, per user and key, the first completed request and a reference to its result. Works inside the
 * caller's transaction, so that a request's effect and its record commit together or not at all: a request
 * that failed leaves no record, and its retry runs again.
 *
 * <p>Concurrency: of several transactions claiming one user's key at once, exactly one claims it; each of the
 * others waits in {@link #claim} until that one commits (and then answers its record) or rolls back (and then
 * claims the key itself).
 */
public interface IdempotencyStore {

    /** The completed record, if any. */
    Optional<IdempotentOutcome> find(UserId user, IdempotencyKey key);

    /**
     * Claims the key for the request fingerprinted by {@code requestHash}, or answers the record already there.
     * A claim must be {@linkplain #complete completed} in the same transaction.
     *
     * @return empty when this call claimed the key
     */
    Optional<IdempotentOutcome> claim(UserId user, IdempotencyKey key, String requestHash, Instant now);

    /** Stores the result of the request that claimed the key. */
    void complete(UserId user, IdempotencyKey key, String result);
}
