package com.concert.application.ratelimit.port.in;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

import java.time.Duration;
import java.util.Objects;

/** Too many requests of one kind from one user or address; {@link #retryAfter()} says when to try again. */
public final class RateLimitedException extends DomainException {

    private final transient Duration retryAfter;

    public RateLimitedException(String who, Duration retryAfter) {
        super(ErrorCode.RATE_LIMITED, "Too many requests from this " + who + "; try again shortly");
        this.retryAfter = Objects.requireNonNull(retryAfter);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
