package com.concert.adapter.in.web.security;

import com.concert.adapter.in.web.error.ProblemCode;
import com.concert.adapter.in.web.support.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.util.Locale;

/**
 * Refusals of the security filters, answered like every other error (problem+json with {@code code}, through the
 * same exception handler) plus the {@code WWW-Authenticate} header of RFC 6750: {@code 401 UNAUTHENTICATED} when
 * no usable bearer token came ({@code error="invalid_token"} when one was presented), {@code 403 FORBIDDEN} when
 * a valid token lacks the scope the call needs. What the header and the detail say is chosen here from a fixed
 * list, never copied from the token or from a library's message.
 */
public final class BearerProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "concert";

    private final HandlerExceptionResolver errors;
    private final String requiredScope;

    public BearerProblems(HandlerExceptionResolver errors, String requiredScope) {
        this.errors = errors;
        this.requiredScope = requiredScope;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) {
        String detail;
        if (failure instanceof OAuth2AuthenticationException presented) {
            String reason = reason(presented);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM
                    + "\", error=\"invalid_token\", error_description=\"The access token " + reason + "\"");
            detail = "The bearer token is not accepted: it " + reason;
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
            detail = "A bearer token is required: send Authorization: Bearer <access token>";
        }
        errors.resolveException(request, response, null, new RequestRejectedException(ProblemCode.UNAUTHENTICATED, detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM
                + "\", error=\"insufficient_scope\", scope=\"" + requiredScope + "\"");
        errors.resolveException(request, response, null, new RequestRejectedException(ProblemCode.FORBIDDEN,
                "This call needs a token with the scope " + requiredScope));
    }

    /** Why a presented token was refused, in words fit for a header: the caller's own token, no internals. */
    static String reason(OAuth2AuthenticationException failure) {
        String errorCode = failure.getError() == null ? "" : failure.getError().getErrorCode();
        if ("invalid_request".equals(errorCode)) {
            return "is malformed, or more than one was sent";
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JwtValidationException validation) {
                String described = validation.getErrors().stream()
                        .map(e -> e.getDescription() == null ? "" : e.getDescription().toLowerCase(Locale.ROOT))
                        .reduce("", (a, b) -> a + " " + b);
                if (described.contains("expired")) {
                    return "has expired";
                }
                if (described.contains("used before") || described.contains("nbf")) {
                    return "is not valid yet";
                }
                if (described.contains("iss claim")) {
                    return "comes from an issuer this service does not trust";
                }
                if (described.contains("aud claim")) {
                    return "is not meant for this service";
                }
                return "does not pass validation";
            }
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("subject")) {
            return "names no subject";
        }
        return "is malformed or its signature does not verify";
    }
}
