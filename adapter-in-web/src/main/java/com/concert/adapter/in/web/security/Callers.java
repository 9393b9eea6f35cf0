package com.concert.adapter.in.web.security;

import com.concert.application.identity.port.in.IdentifyCallerUseCase;
import com.concert.domain.shared.UserId;
import com.concert.domain.user.Subject;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Optional;

/**
 * The user behind a request: the subject of its verified bearer token, mapped to the service's user id once per
 * request (and once per subject and instance, see {@link IdentifyCallerUseCase}). Nothing a client writes in a
 * header other than a token the identity provider signed can name a user.
 */
public final class Callers {

    private static final String ATTRIBUTE = Callers.class.getName() + ".user";

    private final IdentifyCallerUseCase identify;

    public Callers(IdentifyCallerUseCase identify) {
        this.identify = identify;
    }

    /** The caller's user id, or empty when the request carries no verified token. */
    public Optional<UserId> current(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof UserId known) {
            return Optional.of(known);
        }
        Optional<UserId> user = subject().map(identify::identify);
        user.ifPresent(id -> request.setAttribute(ATTRIBUTE, id));
        return user;
    }

    /** The user id this request was already identified as, if any, without identifying anybody. */
    public static Optional<UserId> identified(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof UserId known ? Optional.of(known) : Optional.empty();
    }

    /** The verified token's subject, if the request is authenticated by one. */
    public static Optional<Subject> subject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && Subject.isValid(token.getToken().getSubject())) {
            return Optional.of(new Subject(token.getToken().getSubject()));
        }
        return Optional.empty();
    }
}
