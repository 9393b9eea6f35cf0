package com.concert.application.ratelimit;

/**
 * How fast one user, and one client address, may enter queues and hold seats ({@code concert.rate-limit.*}):
 * requests per second on average, with bursts of {@code burstSeconds} worth. A rate of 0 turns that limit off,
 * and {@code enabled = false} both.
 */
public record RateLimitPolicy(boolean enabled, double perUser, double perAddress, int burstSeconds) {

    public RateLimitPolicy {
        if (perUser < 0 || perAddress < 0 || burstSeconds < 1) {
            throw new IllegalArgumentException("rates are 0 (off) or positive, bursts at least a second");
        }
    }

    /** No limit at all. */
    public static RateLimitPolicy off() {
        return new RateLimitPolicy(false, 0, 0, 1);
    }

    /** The bucket size for a rate: {@code burstSeconds} worth of requests, at least one. */
    public int burst(double perSecond) {
        return (int) Math.max(1, Math.ceil(perSecond * burstSeconds));
    }
}
