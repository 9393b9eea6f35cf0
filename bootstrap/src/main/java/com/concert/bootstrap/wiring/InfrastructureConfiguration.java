package com.concert.bootstrap.wiring;

import com.concert.adapter.in.web.security.SecuritySettings;
import com.concert.adapter.in.web.storefront.StorefrontSettings;
import com.concert.adapter.out.persistence.cache.NearCacheSettings;
import com.concert.adapter.out.redis.RedisNamespace;
import com.concert.bootstrap.config.ConcertProperties;
import com.concert.bootstrap.shutdown.TrafficDrain;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** What the adapters need from the application's configuration. */
@Configuration(proxyBeanMethods = false)
class InfrastructureConfiguration {

    /**
     * Every "now" in the service comes from here; tests replace it to move time by hand. It ticks in
     * microseconds, PostgreSQL's precision, so that an instant answered before it was stored reads back equal.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean
    SecuritySettings securitySettings(ConcertProperties properties) {
        ConcertProperties.Security security = properties.security();
        return new SecuritySettings(security.allowedOrigins(), security.verifiedTokens(), security.keepVerifiedFor());
    }

    /**
     * The storefront signs fans in at the issuer the service trusts, unless {@code concert.storefront.issuer} names
     * another address of it (a provider that browsers reach by another name than the service does).
     */
    @Bean
    StorefrontSettings storefrontSettings(ConcertProperties properties, Environment environment) {
        ConcertProperties.Storefront storefront = properties.storefront();
        Optional<String> issuer = Optional.of(storefront.issuer()).filter(value -> !value.isBlank())
                .or(() -> Optional.ofNullable(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")));
        return new StorefrontSettings(issuer, storefront.clientId(), storefront.scope());
    }

    @Bean
    NearCacheSettings nearCacheSettings(ConcertProperties properties) {
        return new NearCacheSettings(properties.cache().enabled(), properties.cache().seatMapLag());
    }

    @Bean
    RedisNamespace redisNamespace(ConcertProperties properties) {
        return new RedisNamespace(properties.redis().keyPrefix());
    }

    @Bean
    TrafficDrain trafficDrain(ApplicationEventPublisher events, ConcertProperties properties) {
        return new TrafficDrain(events, properties.shutdown().drainDelay());
    }
}
