package com.concert.adapter.in.web.support;

import com.concert.adapter.in.web.security.Callers;
import com.concert.domain.shared.RateLimitedException;
import com.concert.domain.shared.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Refuses a caller who enters queues or holds seats faster than {@link RateLimitSettings} allow, per user and
 * per client address, with {@code 429 RATE_LIMITED} and {@code Retry-After}. The buckets live in Redis, so the
 * limits hold across instances. The user is the one the verified bearer token names (its subject, mapped to
 * the user id), so no spelling of a header or an id escapes the per-user limit.
 */
public final class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimiter limiter;
    private final RateLimitSettings settings;
    private final Callers callers;
    private final Clock clock;

    public RateLimitInterceptor(RateLimiter limiter, RateLimitSettings settings, Callers callers, Clock clock) {
        this.limiter = limiter;
        this.callers = callers;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!settings.enabled() || !"POST".equals(request.getMethod())) {
            return true;
        }
        String kind = request.getRequestURI().endsWith("/queue") ? "queue-entry" : "hold";
        if (settings.perAddress() > 0) {
            check(kind, "address", request.getRemoteAddr(), settings.perAddress());
        }
        if (settings.perUser() > 0) {
            callers.current(request).ifPresent(user -> check(kind, "user", user.toString(), settings.perUser()));
        }
        return true;
    }

    private void check(String kind, String who, String subject, double perSecond) {
        Optional<Duration> wait = limiter.tryAcquire(kind + ":" + who, subject, perSecond, settings.burst(perSecond),
                clock.instant());
        if (wait.isPresent()) {
            throw new RateLimitedException(who, wait.get());
        }
    }
}
