package com.concert.loadtest;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Distinct fans prepared in a simulation's set-up, each a subject with its bearer token, so that the measured load
 * never waits for a token. Virtual users take them in turn through {@link #next()}, a feeder record with the
 * session attributes {@code subject} and {@code bearer} (sent as {@link #AUTHORIZATION}); after the last fan the
 * first comes round again. A fan's subject is {@code load-<run>-<role>-<n>}, the run being this JVM's start in
 * base 36, so that a new run never acts as a fan of an earlier one against the same database (who may already
 * hold seats or wait in line). About a kilobyte each: 50,000 fans are some 50 MB of heap.
 */
final class FanPool {

    /** The {@code Authorization} header's value for the fan in the session. */
    static final String AUTHORIZATION = "Bearer #{bearer}";

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private final List<String> subjects;
    private final List<String> bearers;
    private final AtomicLong handedOut = new AtomicLong();

    private FanPool(List<String> subjects, List<String> bearers) {
        this.subjects = subjects;
        this.bearers = bearers;
    }

    /** {@code size} new fans named after {@code role} (distinct per pool of one simulation), tokens obtained now. */
    static FanPool prepare(Tokens tokens, String role, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool of fans has at least one, not " + size);
        }
        List<String> subjects = IntStream.rangeClosed(1, size).mapToObj(n -> "load-" + RUN + "-" + role + "-" + n)
                .toList();
        return new FanPool(subjects, tokens.forUsers(subjects));
    }

    /**
     * An endless feeder over the pool {@code pool} supplies when a virtual user asks: scenarios are built when the
     * simulation is constructed, the pool only in its {@code before()}, and Gatling feeds once the load starts.
     */
    static Iterator<Map<String, Object>> feeder(Supplier<FanPool> pool) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                return pool.get().next();
            }
        };
    }

    int size() {
        return subjects.size();
    }

    String subject(int index) {
        return subjects.get(index);
    }

    String bearer(int index) {
        return bearers.get(index);
    }

    /** The next fan in turn, as a feeder record; thread-safe. */
    Map<String, Object> next() {
        int index = (int) (handedOut.getAndIncrement() % subjects.size());
        return Map.of("subject", subjects.get(index), "bearer", bearers.get(index));
    }
}
