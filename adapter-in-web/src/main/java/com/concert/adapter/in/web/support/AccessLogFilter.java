package com.concert.adapter.in.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * One line per request on the logger {@code com.concert.access} at INFO (off by default; turn it on with
 * {@code logging.level.com.concert.access=info}): method, path and query, status, milliseconds and the caller's
 * user id. Never a header value: queue tokens, admin keys and idempotency keys are credentials or near enough.
 */
public final class AccessLogFilter extends OncePerRequestFilter {

    static final Logger ACCESS = LoggerFactory.getLogger("com.concert.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ACCESS.isInfoEnabled()) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            String query = request.getQueryString();
            ACCESS.info("{} {}{} {} {}ms user={}", request.getMethod(), request.getRequestURI(),
                    query == null ? "" : "?" + query, response.getStatus(), (System.nanoTime() - started) / 1_000_000,
                    userOf(request));
        }
    }

    /** The caller as asserted, if it is a plausible user id; anything else is not echoed into the log. */
    private static String userOf(HttpServletRequest request) {
        String user = request.getHeader(CurrentUserResolver.HEADER);
        return user != null && user.strip().matches("[0-9]{1,19}") ? user.strip() : "-";
    }
}
