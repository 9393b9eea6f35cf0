package com.concert.application.ratelimit.port.in;

/** The requests a rate limit applies to: the ones a bot would repeat to get ahead of fans. */
public enum RateLimitedAction {
    QUEUE_ENTRY("queue-entry"),
    HOLD("hold");

    private final String bucket;

    RateLimitedAction(String bucket) {
        this.bucket = bucket;
    }

    /** The name of this action's buckets, as the rate limiter stores them. */
    public String bucket() {
        return bucket;
    }
}
