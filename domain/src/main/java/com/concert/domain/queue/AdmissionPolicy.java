package com.concert.domain.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * How a concert's waiting line is let in: every {@code interval}, at most {@code batchSize} users, and never
 * more than {@code maxActive} active at once; each admitted user shops for {@code activeTtl}. With
 * {@code admitOnEntry}, a user who enters while nobody waits is let in at once if the last tick left room: the
 * part of its batch it did not use, until the next tick is due, and never above {@code maxActive}. Nobody is
 * overtaken (nobody waits) and no interval lets in more than {@code batchSize}; without it, every user waits for
 * a tick.
 */
public record AdmissionPolicy(Duration interval, int batchSize, int maxActive, Duration activeTtl,
                              boolean admitOnEntry) {

    public AdmissionPolicy {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(activeTtl, "activeTtl");
        if (interval.isZero() || interval.isNegative() || activeTtl.isZero() || activeTtl.isNegative()) {
            throw new IllegalArgumentException("interval and activeTtl are positive");
        }
        if (batchSize < 1 || maxActive < 1) {
            throw new IllegalArgumentException("batchSize and maxActive are at least 1");
        }
    }

    /** Every user waits for a tick. */
    public AdmissionPolicy(Duration interval, int batchSize, int maxActive, Duration activeTtl) {
        this(interval, batchSize, maxActive, activeTtl, false);
    }

    /** How many waiting users one tick admits when {@code active} users are inside now. */
    public int slotsToFill(long active) {
        return (int) Math.max(0, Math.min(batchSize, maxActive - active));
    }

    /** The fastest admission this policy allows, in users per second. */
    public double maxRatePerSecond() {
        return batchSize / seconds(interval);
    }

    /**
     * The slowest admission possible while anybody waits: every active slot ends within {@code activeTtl}, so
     * at least {@code maxActive} slots free up per {@code activeTtl}.
     */
    public double minRatePerSecond() {
        return Math.min(maxRatePerSecond(), maxActive / seconds(activeTtl));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
