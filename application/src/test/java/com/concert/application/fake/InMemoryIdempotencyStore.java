package com.concert.application.fake;

import com.concert.application.idempotency.IdempotencyKey;
import com.concert.application.idempotency.IdempotencyStore;
import com.concert.application.idempotency.IdempotentOutcome;
import com.concert.domain.shared.UserId;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotency records in memory. A claim is visible at once, so the promise that a concurrent claim waits for the
 * first one to commit or roll back holds only under a {@link DirectTransactionRunner} given this store: it runs
 * one transaction at a time and puts back the claim of one that failed.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore, InMemoryStore {

    private record Key(UserId user, IdempotencyKey key) {
    }

    private final Map<Key, IdempotentOutcome> records = new HashMap<>();

    @Override
    public synchronized Runnable savepoint() {
        Map<Key, IdempotentOutcome> saved = new HashMap<>(records);
        return () -> {
            synchronized (this) {
                records.clear();
                records.putAll(saved);
            }
        };
    }

    @Override
    public synchronized Optional<IdempotentOutcome> find(UserId user, IdempotencyKey key) {
        return Optional.ofNullable(records.get(new Key(user, key)));
    }

    @Override
    public synchronized Optional<IdempotentOutcome> claim(UserId user, IdempotencyKey key, String requestHash, Instant now) {
        IdempotentOutcome existing = records.putIfAbsent(new Key(user, key), new IdempotentOutcome(requestHash, ""));
        return Optional.ofNullable(existing);
    }

    @Override
    public synchronized void complete(UserId user, IdempotencyKey key, String result) {
        records.computeIfPresent(new Key(user, key), (k, claimed) -> new IdempotentOutcome(claimed.requestHash(), result));
    }
}
