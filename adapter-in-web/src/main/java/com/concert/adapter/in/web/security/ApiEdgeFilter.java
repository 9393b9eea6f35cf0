package com.concert.adapter.in.web.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;

/**
 * What every request meets first in the security chain, in one filter because each filter of the chain costs
 * every request (docs/benchmarks.md, "Authentication on the read path"):
 * <ul>
 *     <li><b>CORS</b>: a request with an {@code Origin} of another site is checked against
 *     {@code concert.security.allowed-origins}; a preflight is answered here, a refusal is {@code 403 FORBIDDEN}
 *     problem+json ({@link ProblemCorsProcessor}). Requests without one (same-origin pages, every non-browser
 *     client) pass untouched.</li>
 *     <li><b>Security headers</b> a JSON API needs, written before the handler runs (which may still say
 *     otherwise): {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY},
 *     {@code Cache-Control: no-store}.</li>
 *     <li><b>Errors</b>: what a later filter throws (the identity provider unreachable while a token is verified)
 *     is answered by the API's one exception handler, as if a controller had thrown it, not as a container 500.</li>
 *     <li><b>The operator audit</b>: one line per call of {@code /api/v1/admin/**} on the logger
 *     {@code com.concert.audit} (INFO, on by default): the token's subject ({@code -} when no valid token came),
 *     method, path, status and outcome ({@code done}, {@code refused} for 401/403, {@code rejected} for another 4xx,
 *     {@code failed} for a 5xx). It sits before the bearer token is read, so it sees refusals too.</li>
 * </ul>
 */
final class ApiEdgeFilter implements Filter {

    static final Logger AUDIT = LoggerFactory.getLogger("com.concert.audit");

    private final HandlerExceptionResolver errors;
    private final CorsConfiguration cors;
    private final CorsProcessor corsProcessor = new ProblemCorsProcessor();
    private final String apiPrefix;
    private final String adminPrefix;

    ApiEdgeFilter(HandlerExceptionResolver errors, CorsConfiguration cors, String apiPrefix, String adminPrefix) {
        this.errors = errors;
        this.cors = cors;
        this.apiPrefix = apiPrefix;
        this.adminPrefix = adminPrefix;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws ServletException, IOException {
        if (!(servletRequest instanceof HttpServletRequest request) || !(servletResponse instanceof HttpServletResponse response)) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        String path = request.getRequestURI();
        if (request.getHeader(HttpHeaders.ORIGIN) != null && path.startsWith(apiPrefix) && CorsUtils.isCorsRequest(request)) {
            if (!corsProcessor.processRequest(cors, request, response) || CorsUtils.isPreFlightRequest(request)) {
                return;
            }
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        boolean audited = path.startsWith(adminPrefix);
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException e) {
            if (response.isCommitted() || errors.resolveException(request, response, null, e) == null) {
                throw e;
            }
        } finally {
            if (audited) {
                int status = response.getStatus();
                AUDIT.info("admin subject={} method={} path={} status={} outcome={}",
                        Callers.subject().map(s -> printable(s.value())).orElse("-"), request.getMethod(),
                        printable(path), status, outcome(status));
            }
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
