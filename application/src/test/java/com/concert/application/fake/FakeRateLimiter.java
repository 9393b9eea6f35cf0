package com.concert.application.fake;

import com.concert.application.ratelimit.port.out.RateLimiter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Buckets that are spent when the test says so; remembers every request for a token, in order. */
public final class FakeRateLimiter implements RateLimiter {

    /** One call of {@link #tryAcquire}, as the limiter received it. */
    public record Acquisition(String kind, String subject, double perSecond, int burst, Instant now) {
    }

    private final Map<String, Duration> spent = new HashMap<>();
    private final List<Acquisition> acquisitions = new ArrayList<>();

    /** From now on, the bucket {@code kind}/{@code subject} has no token until {@code retryAfter} has passed. */
    public synchronized void spend(String kind, String subject, Duration retryAfter) {
        spent.put(kind + "/" + subject, retryAfter);
    }

    public synchronized List<Acquisition> acquisitions() {
        return List.copyOf(acquisitions);
    }

    @Override
    public synchronized Optional<Duration> tryAcquire(String kind, String subject, double perSecond, int burst,
                                                      Instant now) {
        acquisitions.add(new Acquisition(kind, subject, perSecond, burst, now));
        return Optional.ofNullable(spent.get(kind + "/" + subject));
    }
}
