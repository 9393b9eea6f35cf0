package com.concert.adapter.in.web;

import com.concert.adapter.in.web.security.SecuritySettings;
import com.concert.adapter.in.web.storefront.StorefrontSettings;
import com.concert.application.identity.port.in.IdentifyCallerUseCase;
import com.concert.application.ratelimit.port.in.LimitRequestRateUseCase;
import com.concert.domain.shared.UserId;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The web adapter alone, for {@code @WebMvcTest} slices (which find {@link WebConfiguration} by scanning): use
 * cases are mocked by each test; callers are authenticated with spring-security-test's {@code jwt()}, or with a
 * token signed by {@link #SIGNING_KEY}, which the slice's decoder trusts.
 */
@SpringBootApplication
public class WebTestApplication {

    public static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    public static final String ISSUER = "https://id.example/realms/concert";
    public static final KeyPair SIGNING_KEY = rsaKeyPair();

    @Bean
    SecuritySettings securitySettings() {
        return new SecuritySettings(List.of("https://shop.example"), 1_000, Duration.ofMinutes(5));
    }

    @Bean
    StorefrontSettings storefrontSettings() {
        return new StorefrontSettings(Optional.of(ISSUER), "concert-web", "openid profile");
    }

    @Bean
    JwtDecoder identityProvider() {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) SIGNING_KEY.getPublic()).build();
    }

    /** Subjects numbered in order of first sight, as the real repository does. */
    @Bean
    IdentifyCallerUseCase identifyCaller() {
        Map<String, UserId> ids = new ConcurrentHashMap<>();
        AtomicLong next = new AtomicLong();
        return subject -> ids.computeIfAbsent(subject.value(), s -> new UserId(next.incrementAndGet()));
    }

    @Bean
    LimitRequestRateUseCase limitRequestRateUseCase() {
        return (action, address, user) -> { };
    }

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
