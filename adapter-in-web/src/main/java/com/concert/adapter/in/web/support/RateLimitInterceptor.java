package com.concert.adapter.in.web.support;

import com.concert.adapter.in.web.security.Callers;
import com.concert.application.ratelimit.port.in.LimitRequestRateUseCase;
import com.concert.application.ratelimit.port.in.RateLimitedAction;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Puts queue entries and holds (the POSTs it is registered for) through the rate limit before their handler
 * runs; a refusal is {@code 429 RATE_LIMITED} with {@code Retry-After}. The user is the one the verified bearer
 * token names, the address the request's remote address.
 */
public final class RateLimitInterceptor implements HandlerInterceptor {

    private final LimitRequestRateUseCase limits;
    private final Callers callers;

    public RateLimitInterceptor(LimitRequestRateUseCase limits, Callers callers) {
        this.limits = limits;
        this.callers = callers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        RateLimitedAction action = request.getRequestURI().endsWith("/queue")
                ? RateLimitedAction.QUEUE_ENTRY : RateLimitedAction.HOLD;
        limits.acquire(action, request.getRemoteAddr(), callers.current(request));
        return true;
    }
}
