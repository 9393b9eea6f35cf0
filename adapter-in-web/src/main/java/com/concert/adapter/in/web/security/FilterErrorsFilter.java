package com.concert.adapter.in.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;

/**
 * The first filter of the security chain: what a later filter throws (the identity provider unreachable while a
 * token is verified, say) is answered by the API's one exception handler, as if a controller had thrown it,
 * instead of falling through to the container as a 500.
 */
final class FilterErrorsFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver errors;

    FilterErrorsFilter(HandlerExceptionResolver errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException e) {
            if (response.isCommitted() || errors.resolveException(request, response, null, e) == null) {
                throw e;
            }
        }
    }
}
