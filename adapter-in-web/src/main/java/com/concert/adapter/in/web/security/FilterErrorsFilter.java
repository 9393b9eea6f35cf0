package com.concert.adapter.in.web.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;

/**
 * The first filter of the security chain: what a later filter throws (the identity provider unreachable while a
 * token is verified, say) is answered by the API's one exception handler, as if a controller had thrown it,
 * instead of falling through to the container as a 500. A plain filter: it keeps no per-request state, so it
 * needs none of the once-per-request bookkeeping (which costs every request a few attribute writes).
 */
final class FilterErrorsFilter implements Filter {

    private final HandlerExceptionResolver errors;

    FilterErrorsFilter(HandlerExceptionResolver errors) {
        this.errors = errors;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException e) {
            if (response.isCommitted() || !(request instanceof HttpServletRequest http)
                    || !(response instanceof HttpServletResponse httpResponse)
                    || errors.resolveException(http, httpResponse, null, e) == null) {
                throw e;
            }
        }
    }
}
