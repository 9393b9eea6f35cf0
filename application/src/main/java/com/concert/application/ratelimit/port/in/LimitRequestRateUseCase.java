package com.concert.application.ratelimit.port.in;

import com.concert.domain.shared.UserId;

import java.util.Optional;

/** Lets a request of a rate-limited action go ahead, or refuses it, before anything else is done for it. */
public interface LimitRequestRateUseCase {

    /**
     * Takes one request from the client address's budget and, when the caller is known, from the user's.
     *
     * @throws RateLimitedException when either budget is spent; says when a request would go ahead again
     */
    void acquire(RateLimitedAction action, String address, Optional<UserId> user);
}
