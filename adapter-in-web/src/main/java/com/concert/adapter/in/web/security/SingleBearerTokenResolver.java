package com.concert.adapter.in.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

import java.util.Enumeration;

/**
 * The bearer token of a request: from its one {@code Authorization} header only (never a query or form
 * parameter, which end up in logs and browser histories). A request with two {@code Authorization} headers is
 * refused rather than read by its first: which one a proxy in front forwards, or adds, is not ours to guess.
 * The header is read as RFC 6750 section 2.1 has it ({@code Bearer}, case-insensitive, one space, then
 * {@code b64token}), by a loop rather than Spring's regular expression, which cost 7 % of a cached read.
 */
final class SingleBearerTokenResolver implements BearerTokenResolver {

    private static final String SCHEME = "Bearer";

    @Override
    public String resolve(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(HttpHeaders.AUTHORIZATION);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String header = values.nextElement();
        if (values.hasMoreElements()) {
            throw invalid("More than one Authorization header");
        }
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            // another scheme (Basic, DPoP, ...) names no bearer token: the request is anonymous
            return null;
        }
        if (header.length() == SCHEME.length() || header.charAt(SCHEME.length()) != ' ') {
            throw invalid("Bearer token is malformed");
        }
        String token = header.substring(SCHEME.length() + 1);
        if (!isB64Token(token)) {
            throw invalid("Bearer token is malformed");
        }
        return token;
    }

    /** {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    static boolean isB64Token(String token) {
        int length = token.length();
        int end = length;
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static OAuth2AuthenticationException invalid(String description) {
        BearerTokenError error = BearerTokenErrors.invalidRequest(description);
        return new OAuth2AuthenticationException(error);
    }
}
