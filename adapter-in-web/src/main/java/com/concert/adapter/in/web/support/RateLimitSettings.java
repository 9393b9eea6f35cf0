package com.concert.adapter.in.web.support;

/**
 * How fast one user, and one client address, may enter queues and hold seats ({@code concert.rate-limit.*}):
 * requests per second on average, with bursts of {@code burstSeconds} worth. A rate of 0 turns that limit off.
 */
public record RateLimitSettings(boolean enabled, double perUser, double perAddress, int burstSeconds) {

    public RateLimitSettings {
        if (perUser < 0 || perAddress < 0 || burstSeconds < 1) {
            throw new IllegalArgumentException("rates are 0 (off) or positive, bursts at least a second");
        }
    }

    int burst(double perSecond) {
        return (int) Math.max(1, Math.ceil(perSecond * burstSeconds));
    }
}
