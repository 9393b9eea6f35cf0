package com.concert.adapter.in.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * One line per operator call on the logger {@code com.concert.audit} (INFO, on by default): who (the token's
 * subject, {@code -} when no valid token came), the method and path, the status and the outcome
 * ({@code done}, {@code refused} for 401/403, {@code rejected} for another 4xx, {@code failed} for a 5xx).
 * Sits in the security filter chain before the bearer token is read, so it sees refusals too.
 */
final class AdminAuditFilter extends OncePerRequestFilter {

    static final Logger AUDIT = LoggerFactory.getLogger("com.concert.audit");

    private final String pathPrefix;

    AdminAuditFilter(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(pathPrefix);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            AUDIT.info("admin subject={} method={} path={} status={} outcome={}",
                    Callers.subject().map(s -> printable(s.value())).orElse("-"), request.getMethod(),
                    printable(request.getRequestURI()), status, outcome(status));
        }
    }

    private static String outcome(int status) {
        if (status == 401 || status == 403) {
            return "refused";
        }
        if (status >= 500) {
            return "failed";
        }
        return status >= 400 ? "rejected" : "done";
    }

    /** Keeps one line one line: control characters and quotes from a subject or path are shown escaped. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
