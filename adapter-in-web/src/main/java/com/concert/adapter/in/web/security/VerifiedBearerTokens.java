package com.concert.adapter.in.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Authenticates bearer tokens, each once: a token that passed {@link CallerTokenDecoder} is remembered, as the
 * authentication it made (subject and scopes), keyed by the SHA-256 of its text, until its {@code exp} but never
 * longer than {@code maxKeep}. A fan polling the queue twice a second has the signature checked once, not 600
 * times in five minutes. The cost: a key the provider withdraws from its JWKS goes on being honoured for tokens
 * already seen, for at most {@code maxKeep} (ADR 10). A refused token is never remembered.
 */
public final class VerifiedBearerTokens implements AuthenticationProvider {

    private final JwtDecoder decoder;
    private final JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    private final Clock clock;
    private final Duration maxKeep;
    private final Cache<ByteBuffer, Verified> verified;

    /** A token that passed, what it authenticates as, and until when that may be answered from memory. */
    private record Verified(String token, Authentication authentication, Instant keepUntil) {
    }

    public VerifiedBearerTokens(JwtDecoder decoder, Clock clock, Duration maxKeep, long maxTokens) {
        this.decoder = decoder;
        this.clock = clock;
        this.maxKeep = maxKeep;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                // frees the memory; whether an entry may still be used is decided by keepUntil, on the clock
                .expireAfter(Expiry.<ByteBuffer, Verified>creating((key, entry) -> untilNow(entry.keepUntil())))
                .recordStats()
                .build();
    }

    /** The cache, for metrics. */
    Cache<ByteBuffer, ?> cache() {
        return verified;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        ByteBuffer key = digest(token);
        Verified known = verified.getIfPresent(key);
        Instant now = clock.instant();
        if (known != null && known.token().equals(token) && now.isBefore(known.keepUntil())) {
            return known.authentication();
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (BadJwtException refused) {
            throw new InvalidBearerTokenException(refused.getMessage(), refused);
        }
        AbstractAuthenticationToken result = converter.convert(jwt);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(now)) {
            Instant longest = now.plus(maxKeep);
            verified.put(key, new Verified(token, result,
                    jwt.getExpiresAt().isBefore(longest) ? jwt.getExpiresAt() : longest));
        }
        return result;
    }

    private Duration untilNow(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static ByteBuffer digest(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
