package com.concert.adapter.in.web.security;

import com.concert.application.shared.DependencyUnavailableException;
import com.concert.domain.user.Subject;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * What a bearer token must be: verified by the identity provider's decoder, as Spring Boot built it from
 * {@code spring.security.oauth2.resourceserver.jwt.*} (signature against the provider's keys, {@code exp},
 * {@code nbf}, and {@code iss} and {@code aud} where configured), and naming a subject of 1 to 255 characters.
 *
 * <p>When the provider's keys cannot be fetched (the issuer is down or unreachable), the request is refused
 * with {@link DependencyUnavailableException} (503 with Retry-After) rather than called unauthenticated: the
 * token may well be good.
 */
public final class CallerTokenDecoder implements JwtDecoder {

    private final JwtDecoder verifier;

    public CallerTokenDecoder(JwtDecoder verifier) {
        this.verifier = verifier;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt;
        try {
            jwt = verifier.decode(token);
        } catch (BadJwtException refused) {
            throw refused;
        } catch (JwtDecoderInitializationException | JwtException unreachable) {
            // not a verdict on the token: the keys (or the issuer's metadata) could not be fetched
            throw new DependencyUnavailableException("The identity provider", unreachable);
        }
        if (!Subject.isValid(jwt.getSubject())) {
            throw new BadJwtException("The token names no subject of 1 to " + Subject.MAX_LENGTH + " characters");
        }
        return jwt;
    }
}
