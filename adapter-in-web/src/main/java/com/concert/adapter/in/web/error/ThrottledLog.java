package com.concert.adapter.in.web.error;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Warns of a recurring event once, then at most once per interval for each key, saying how many were left out
 * in between: an outage refuses thousands of requests a second, and one line each would bury the log.
 */
final class ThrottledLog {

    private static final long NEVER = Long.MIN_VALUE;

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Key> keys = new ConcurrentHashMap<>();

    private static final class Key {
        final AtomicLong lastLogged = new AtomicLong(NEVER);
        final LongAdder leftOut = new LongAdder();
    }

    ThrottledLog(Logger log, Duration interval, LongSupplier nanoTime) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** @return whether this call wrote a line */
    boolean warn(String key, String message) {
        Key state = keys.computeIfAbsent(key, k -> new Key());
        long now = nanoTime.getAsLong();
        long last = state.lastLogged.get();
        if ((last != NEVER && now - last < intervalNanos) || !state.lastLogged.compareAndSet(last, now)) {
            state.leftOut.increment();
            return false;
        }
        long leftOut = state.leftOut.sumThenReset();
        if (leftOut == 0) {
            log.warn(message);
        } else {
            log.warn("{} (and {} more like it since the last such line)", message, leftOut);
        }
        return true;
    }
}
