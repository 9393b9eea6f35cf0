package com.concert.application.ratelimit.service;

import com.concert.application.ratelimit.RateLimitPolicy;
import com.concert.application.ratelimit.port.in.LimitRequestRateUseCase;
import com.concert.application.ratelimit.port.in.RateLimitedAction;
import com.concert.application.ratelimit.port.in.RateLimitedException;
import com.concert.application.ratelimit.port.out.RateLimiter;
import com.concert.domain.shared.UserId;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Per-address first, so that a client inventing users is stopped by its address; then per user, whose identity
 * comes from a verified token, so that no spelling of an id escapes the limit.
 */
public final class LimitRequestRateService implements LimitRequestRateUseCase {

    private final RateLimiter limiter;
    private final RateLimitPolicy policy;
    private final Clock clock;

    public LimitRequestRateService(RateLimiter limiter, RateLimitPolicy policy, Clock clock) {
        this.limiter = limiter;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void acquire(RateLimitedAction action, String address, Optional<UserId> user) {
        if (!policy.enabled()) {
            return;
        }
        if (policy.perAddress() > 0 && address != null) {
            take(action, "address", address, policy.perAddress());
        }
        if (policy.perUser() > 0) {
            user.ifPresent(id -> take(action, "user", id.toString(), policy.perUser()));
        }
    }

    private void take(RateLimitedAction action, String who, String subject, double perSecond) {
        Optional<Duration> wait = limiter.tryAcquire(action.bucket() + ":" + who, subject, perSecond,
                policy.burst(perSecond), clock.instant());
        if (wait.isPresent()) {
            throw new RateLimitedException(who, wait.get());
        }
    }
}
