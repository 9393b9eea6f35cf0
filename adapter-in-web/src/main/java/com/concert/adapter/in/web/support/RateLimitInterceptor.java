package com.concert.adapter.in.web.support;

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
 * limits hold across instances. A request without a usable {@code X-User-Id} is counted per address only
 * (its handler refuses it anyway).
 */
public final class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimiter limiter;
    private final RateLimitSettings settings;
    private final Clock clock;

    public RateLimitInterceptor(RateLimiter limiter, RateLimitSettings settings, Clock clock) {
        this.limiter = limiter;
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
        String user = request.getHeader(CurrentUserResolver.HEADER);
        if (settings.perUser() > 0 && user != null && user.strip().matches("[1-9][0-9]{0,18}")) {
            check(kind, "user", user.strip(), settings.perUser());
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
