package com.concert.domain.queue;

import java.util.OptionalDouble;

/**
 * Estimates how long a waiting user still waits, from the admission rate measured for the concert (a moving
 * average kept by the queue store). The measurement is clamped to what the policy makes possible: never
 * faster than one batch per interval, never slower than every active slot ending at its deadline. Before
 * anything was measured, the policy's fastest rate stands in.
 */
public final class WaitEstimator {

    private WaitEstimator() {
    }

    /** Seconds until {@code position} is admitted, rounded up; 0 for an active token. */
    public static long estimateSeconds(QueueToken token, OptionalDouble measuredRatePerSecond, AdmissionPolicy policy) {
        if (token.isActive()) {
            return 0;
        }
        double rate = measuredRatePerSecond.isPresent()
                ? Math.clamp(measuredRatePerSecond.getAsDouble(), policy.minRatePerSecond(), policy.maxRatePerSecond())
                : policy.maxRatePerSecond();
        return (long) Math.ceil(token.position() / rate);
    }
}
