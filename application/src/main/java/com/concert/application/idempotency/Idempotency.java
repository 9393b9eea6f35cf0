package com.concert.application.idempotency;

import com.concert.domain.shared.UserId;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs an operation at most once per user and idempotency key. Call {@link #runInTransaction} inside the
 * transaction that performs the effect: the key is claimed first, so a concurrent repeat waits for this
 * transaction and then answers its result without running the effect again.
 */
public final class Idempotency {

    private final IdempotencyStore store;

    public Idempotency(IdempotencyStore store) {
        this.store = store;
    }

    /** The result of an earlier request with this key, if there was one (and it was this same request). */
    public Optional<String> earlierResult(UserId user, Optional<IdempotencyKey> key, String requestHash) {
        return key.flatMap(k -> store.find(user, k)).map(outcome -> outcome.resultFor(requestHash));
    }

    /**
     * Runs {@code effect} and records its result under the key, or answers the result recorded by a request
     * that claimed the key first.
     *
     * @param toResult turns the effect's value into the short reference stored with the key
     * @return the effect's value, or empty when an earlier request's result (see {@link Replay}) is to be answered
     */
    public <T> Outcome<T> runInTransaction(UserId user, Optional<IdempotencyKey> key, String requestHash, Instant now,
                                    Supplier<T> effect, Function<T, String> toResult) {
        if (key.isPresent()) {
            Optional<IdempotentOutcome> earlier = store.claim(user, key.get(), requestHash, now);
            if (earlier.isPresent()) {
                return new Replay<>(earlier.get().resultFor(requestHash));
            }
        }
        T value = effect.get();
        key.ifPresent(k -> store.complete(user, k, toResult.apply(value)));
        return new Done<>(value);
    }

    public sealed interface Outcome<T> permits Done, Replay {
    }

    public record Done<T>(T value) implements Outcome<T> {
    }

    public record Replay<T>(String result) implements Outcome<T> {
    }
}
