package com.concert.application.fake;

import com.concert.application.shared.TransactionRunner;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Runs work as it is, for services tested with in-memory fakes; counts transactions for assertions. */
public final class DirectTransactionRunner implements TransactionRunner {

    private final AtomicInteger readWrite = new AtomicInteger();
    private final AtomicInteger readOnly = new AtomicInteger();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        readWrite.incrementAndGet();
        return work.get();
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        readOnly.incrementAndGet();
        return work.get();
    }

    public int readWriteCount() {
        return readWrite.get();
    }

    public int readOnlyCount() {
        return readOnly.get();
    }
}
