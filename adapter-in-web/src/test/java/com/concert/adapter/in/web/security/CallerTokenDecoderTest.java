package com.concert.adapter.in.web.security;

import com.concert.application.shared.DependencyUnavailableException;
import com.concert.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTokenDecoderTest {

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
    private final CallerTokenDecoder decoder = new CallerTokenDecoder(provider);

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
    void aTokenWithoutASubjectOfOneTo255Characters_isRefused() {
        assertThatThrownBy(() -> decoder.decode(issue(null, Duration.ofMinutes(5))))
                .isInstanceOf(BadJwtException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> decoder.decode(issue("", Duration.ofMinutes(5))))
                .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(issue("x".repeat(256), Duration.ofMinutes(5))))
                .isInstanceOf(BadJwtException.class);
        assertThat(decoder.decode(issue("x".repeat(255), Duration.ofMinutes(5))).getSubject()).hasSize(255);
    }

    @Test
    void aProviderWhoseKeysCannotBeFetched_isAnOutage_notABadToken() {
        CallerTokenDecoder unreachable = new CallerTokenDecoder(token -> {
            throw new JwtException("An error occurred while attempting to decode the Jwt: Couldn't retrieve remote JWK set");
        });
        CallerTokenDecoder notStarted = new CallerTokenDecoder(token -> {
            throw new JwtDecoderInitializationException("Failed to lazily resolve the supplied JwtDecoder instance", null);
        });

        assertThatThrownBy(() -> unreachable.decode("any")).isInstanceOf(DependencyUnavailableException.class);
        assertThatThrownBy(() -> notStarted.decode("any")).isInstanceOf(DependencyUnavailableException.class);
    }
}
