package com.concert.adapter.in.web.security;

import com.concert.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedBearerTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger verifications = new AtomicInteger();
    private final Map<String, Jwt> issued = new ConcurrentHashMap<>();
    /** A provider's decoder that knows the tokens "issued" here and refuses anything else. */
    private final JwtDecoder provider = token -> {
        verifications.incrementAndGet();
        Jwt jwt = issued.get(token);
        if (jwt == null) {
            throw new BadJwtException("Signed JWT rejected: Invalid signature");
        }
        return jwt;
    };
    private final VerifiedBearerTokens tokens =
            new VerifiedBearerTokens(new CallerTokenDecoder(provider), clock, Duration.ofMinutes(10), 100);

    private Authentication authenticate(String token) {
        return tokens.authenticate(new BearerTokenAuthenticationToken(token));
    }

    private String issue(String subject, Duration lifetime) {
        String token = "token-" + issued.size();
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").issuedAt(clock.instant())
                .expiresAt(clock.instant().plus(lifetime));
        if (subject != null) {
            jwt.subject(subject);
        }
        issued.put(token, jwt.build());
        return token;
    }

    @Test
    void aVerifiedToken_isVerifiedOnce_untilItExpires() {
        String token = issue("auth0|alice", Duration.ofMinutes(5));

        for (int i = 0; i < 100; i++) {
            assertThat(authenticate(token).getName()).isEqualTo("auth0|alice");
        }
        assertThat(verifications).hasValue(1);

        clock.advance(Duration.ofMinutes(5));
        authenticate(token);
        assertThat(verifications).as("past exp the provider's decoder decides again").hasValue(2);
    }

    @Test
    void theScopesOfAToken_areItsAuthorities_fromMemoryToo() {
        String token = "scoped";
        issued.put(token, Jwt.withTokenValue(token).header("alg", "RS256").subject("ops").claim("scope", "openid concert:admin")
                .expiresAt(clock.instant().plus(Duration.ofMinutes(5))).build());

        for (int i = 0; i < 2; i++) {
            assertThat(authenticate(token).getAuthorities()).extracting(Object::toString)
                    .contains("SCOPE_concert:admin", "SCOPE_openid");
        }
    }

    @Test
    void aTokenIsKeptNoLongerThanTheLongestKeep_whateverItsExp() {
        String token = issue("auth0|alice", Duration.ofHours(8));
        authenticate(token);

        issued.clear();
        clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> authenticate(token))
                .as("a key withdrawn meanwhile is noticed after the keep at the latest")
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void aRefusedToken_isNeverRemembered() {
        assertThatThrownBy(() -> authenticate("forged")).isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> authenticate("forged")).isInstanceOf(InvalidBearerTokenException.class);

        assertThat(verifications).hasValue(2);
    }
}
