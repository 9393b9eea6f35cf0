package com.concert.application.shared;

import java.util.function.Supplier;

/**
 * The transaction boundary, as a port: a use case says what runs inside one transaction and what happens
 * after it committed, without knowing how transactions are made.
 *
 * <p>Guarantees: everything the work does through the repositories commits together or not at all. An
 * exception thrown by the work rolls the transaction back and reaches the caller unchanged. A store that
 * cannot be reached surfaces as {@link DependencyUnavailableException}, never as a vendor exception.
 */
public interface TransactionRunner {

    /** Runs {@code work} in a read-write transaction and returns its result after commit. */
    <T> T inTransaction(Supplier<T> work);

    /** Runs {@code work} in a read-only transaction: cheaper, and any write in it is a bug. */
    <T> T readOnly(Supplier<T> work);

    /**
     * Runs {@code work} that makes all of its changes in one call to a store that is atomic by itself (a port
     * method whose contract says so, such as one statement): the call commits alone, without a transaction
     * opened and committed around it (in PostgreSQL the commit's round trip). Inside a transaction it joins that
     * transaction. Work that makes two changes must use {@link #inTransaction(Supplier)} instead.
     */
    <T> T singleCall(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
