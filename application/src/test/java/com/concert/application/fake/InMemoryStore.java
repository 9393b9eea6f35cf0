package com.concert.application.fake;

/**
 * An in-memory fake whose state a {@link DirectTransactionRunner} can put back when the work of a transaction
 * fails, as the database does for the real adapter.
 */
public interface InMemoryStore {

    /** @return an action that puts the store back as it is now */
    Runnable savepoint();
}
