package com.concert.application.ratelimit.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Token buckets shared by every service instance: a subject (a user, an address) may make {@code perSecond}
 * requests of one kind per second on average, and up to {@code burst} at once. Acquiring is atomic, so
 * concurrent requests of one subject on several instances draw from the same bucket.
 */
public interface RateLimiter {

    /**
     * Takes one token from the bucket {@code kind}/{@code subject}.
     *
     * @return empty when the request may go ahead, otherwise how long until a token is free
     */
    Optional<Duration> tryAcquire(String kind, String subject, double perSecond, int burst, Instant now);
}
