package com.concert.adapter.out.persistence.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Stops requests from queueing for a database that cannot be reached. Once a transaction finds it unreachable
 * (no connection could be opened, or an open one broke), every transaction for the next {@code openFor} is
 * refused at once instead of waiting out the pool's connection timeout; after that, one transaction at a
 * time is let through as a probe, and the first probe that reaches the database lets everybody through again.
 * A pool that is merely busy never trips it: waiting for a connection under load is not an outage.
 */
final class DatabaseBreaker {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBreaker.class);

    /** What a caller was let through as. */
    enum Permit { NORMAL, PROBE }

    private final long openForNanos;
    private final LongSupplier nanoTime;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean open;
    private volatile long openedAt;

    DatabaseBreaker(Duration openFor, LongSupplier nanoTime) {
        this.openForNanos = openFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /** @return how this caller may go to the database, or {@code null} if it must not */
    Permit permit() {
        if (!open) {
            return Permit.NORMAL;
        }
        if (nanoTime.getAsLong() - openedAt < openForNanos) {
            return null;
        }
        return probing.compareAndSet(false, true) ? Permit.PROBE : null;
    }

    /** The caller's transaction reached the database (whatever its outcome otherwise). */
    void reached(Permit permit) {
        if (permit == Permit.PROBE) {
            open = false;
            probing.set(false);
            log.info("The database answers again");
        }
    }

    /** The caller's transaction found the database unreachable. */
    void unreachable(Permit permit) {
        openedAt = nanoTime.getAsLong();
        if (!open) {
            open = true;
            log.warn("The database cannot be reached; refusing transactions at once, probing every {} ms",
                    Duration.ofNanos(openForNanos).toMillis());
        }
        if (permit == Permit.PROBE) {
            probing.set(false);
        }
    }

    boolean isOpen() {
        return open;
    }
}
