package com.concert.adapter.in.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.Enumeration;

/**
 * The bearer token of a request: from its one {@code Authorization} header only (never a query or form
 * parameter, which end up in logs and browser histories). A request with two {@code Authorization} headers is
 * refused rather than read by its first: which one a proxy in front forwards, or adds, is not ours to guess.
 */
final class SingleBearerTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(HttpHeaders.AUTHORIZATION);
        if (values != null && values.hasMoreElements()) {
            values.nextElement();
            if (values.hasMoreElements()) {
                BearerTokenError error = BearerTokenErrors.invalidRequest("More than one Authorization header");
                throw new OAuth2AuthenticationException(error);
            }
        }
        return standard.resolve(request);
    }
}
