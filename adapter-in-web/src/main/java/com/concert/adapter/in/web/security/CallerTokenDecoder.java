package com.concert.adapter.in.web.security;

import com.concert.domain.shared.DependencyUnavailableException;
import com.concert.domain.user.Subject;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Every bearer token goes through here. A token seen for the first time is verified by the identity provider's
 * decoder, as Spring Boot built it from {@code spring.security.oauth2.resourceserver.jwt.*} (signature against
 * the provider's keys, {@code exp}, {@code nbf}, and {@code iss} and {@code aud} where configured), and must then
 * name a subject of 1 to 255 characters. A token that passed is remembered, keyed by the SHA-256 of its text,
 * until its {@code exp} but never longer than {@code maxKeep}: a fan polling the queue twice a second has the
 * signature checked once, not 600 times in five minutes. The cost: a key the provider withdraws from its JWKS
 * goes on being honoured for tokens already seen, for at most {@code maxKeep} (see ADR 10).
 *
 * <p>When the provider's keys cannot be fetched (the issuer is down or unreachable), the request is refused
 * with {@link DependencyUnavailableException} (503 with Retry-After) rather than called unauthenticated: the
 * token may well be good.
 */
public final class CallerTokenDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Duration maxKeep;
    private final Cache<ByteBuffer, Verified> verified;

    /** A token that passed, and until when it may be answered from memory (its exp, or sooner). */
    private record Verified(Jwt jwt, Instant keepUntil) {
    }

    public CallerTokenDecoder(JwtDecoder verifier, Clock clock, Duration maxKeep, long maxTokens) {
        this.verifier = verifier;
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
    Cache<ByteBuffer, ?> verifiedTokens() {
        return verified;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        ByteBuffer key = digest(token);
        Verified known = verified.getIfPresent(key);
        if (known != null && known.jwt().getTokenValue().equals(token) && clock.instant().isBefore(known.keepUntil())) {
            return known.jwt();
        }
        Jwt jwt = verify(token);
        if (!Subject.isValid(jwt.getSubject())) {
            throw new BadJwtException("The token names no subject of 1 to " + Subject.MAX_LENGTH + " characters");
        }
        Instant now = clock.instant();
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(now)) {
            Instant longest = now.plus(maxKeep);
            verified.put(key, new Verified(jwt, jwt.getExpiresAt().isBefore(longest) ? jwt.getExpiresAt() : longest));
        }
        return jwt;
    }

    private Jwt verify(String token) {
        try {
            return verifier.decode(token);
        } catch (BadJwtException refused) {
            throw refused;
        } catch (JwtDecoderInitializationException | JwtException unreachable) {
            // not a verdict on the token: the keys (or the issuer's metadata) could not be fetched
            throw new DependencyUnavailableException("The identity provider", unreachable);
        }
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
