package com.concert.application.fake;

import com.concert.application.shared.TransactionRunner;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs work as it is, for services tested with in-memory fakes; counts transactions for assertions.
 *
 * <p>Given the stores it covers, it keeps {@link TransactionRunner}'s promise as the database does: work that
 * throws leaves those stores as they were before it started, and one transaction never sees another's
 * uncommitted state, because transactions run one at a time (a transaction started inside another joins it).
 * Without stores it adds no lock, so that contract tests still prove each fake's own atomicity.
 */
public final class DirectTransactionRunner implements TransactionRunner {

    private final List<InMemoryStore> stores;
    private final ReentrantLock serial = new ReentrantLock(true);
    private final AtomicInteger readWrite = new AtomicInteger();
    private final AtomicInteger readOnly = new AtomicInteger();

    public DirectTransactionRunner(InMemoryStore... stores) {
        this.stores = List.of(stores);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        readWrite.incrementAndGet();
        if (stores.isEmpty() || serial.isHeldByCurrentThread()) {
            return work.get();
        }
        serial.lock();
        try {
            List<Runnable> rollback = stores.stream().map(InMemoryStore::savepoint).toList();
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                rollback.forEach(Runnable::run);
                throw e;
            }
        } finally {
            serial.unlock();
        }
    }

    /** As a transaction: the fakes' single calls are atomic anyway, and this keeps them serial with the rest. */
    @Override
    public <T> T singleCall(Supplier<T> work) {
        return inTransaction(work);
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        readOnly.incrementAndGet();
        if (stores.isEmpty() || serial.isHeldByCurrentThread()) {
            return work.get();
        }
        serial.lock();
        try {
            return work.get();
        } finally {
            serial.unlock();
        }
    }

    public int readWriteCount() {
        return readWrite.get();
    }

    public int readOnlyCount() {
        return readOnly.get();
    }
}
