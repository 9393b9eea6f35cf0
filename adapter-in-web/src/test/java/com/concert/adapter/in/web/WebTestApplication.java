package com.concert.adapter.in.web;

import com.concert.adapter.in.web.support.AdminKey;
import com.concert.adapter.in.web.support.RateLimitSettings;
import com.concert.domain.shared.RateLimiter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The web adapter alone, for {@code @WebMvcTest} slices (which find {@link WebConfiguration} by scanning): use
 * cases are mocked by each test.
 */
@SpringBootApplication
public class WebTestApplication {

    public static final String ADMIN_KEY = "test-admin-key";
    public static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Bean
    AdminKey adminKey() {
        return AdminKey.of(Optional.of(ADMIN_KEY));
    }

    @Bean
    RateLimitSettings rateLimitSettings() {
        return new RateLimitSettings(false, 0, 0, 1);
    }

    @Bean
    RateLimiter rateLimiter() {
        return (kind, subject, perSecond, burst, now) -> Optional.empty();
    }

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
