package com.concert.adapter.in.web.support;

import com.concert.adapter.in.web.security.Callers;
import com.concert.domain.shared.UserId;
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
 * user id (once the request was identified by its bearer token; {@code -} otherwise). Never a header value:
 * bearer tokens, queue tokens and idempotency keys are credentials or near enough.
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
                    Callers.identified(request).map(UserId::toString).orElse("-"));
        }
    }
}
