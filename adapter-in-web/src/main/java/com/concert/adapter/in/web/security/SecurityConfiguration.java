package com.concert.adapter.in.web.security;

import com.concert.adapter.in.web.WebConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Who may call what. Every user and operator call carries {@code Authorization: Bearer <JWT>} from the identity
 * provider that {@code spring.security.oauth2.resourceserver.jwt.*} names (Spring Boot builds its decoder; see
 * {@link CallerTokenDecoder} for what is added to it); the caller is the token's subject. The catalog is public;
 * {@code /api/v1/admin/**} needs the scope {@value #ADMIN_SCOPE}. Stateless: no session, no cookie, so no CSRF
 * to guard against, and no form login or basic authentication anywhere.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    public static final String ADMIN_SCOPE = "concert:admin";

    /**
     * Where a user acts: everything but the catalog. A handler that takes the caller ({@code UserId}) refuses a
     * request without a verified token by itself as well; SecurityIT checks that every such handler lies here.
     */
    static final String[] CALLER_PATHS = {"/api/v1/concerts/*/queue", "/api/v1/concerts/*/schedules/**",
            "/api/v1/queue/**", "/api/v1/reservations/**", "/api/v1/points/**", "/api/v1/payments/**"};

    /**
     * The signatures taken from keys fetched by issuer or JWK set: RS256 and ES256 (never an HMAC, never none),
     * unless {@code spring.security.oauth2.resourceserver.jwt.jws-algorithms} names others. A public-key-location
     * is an RSA key and takes RS256 alone, as Spring Boot configures it.
     */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer signatureAlgorithms(Environment environment) {
        boolean named = environment.containsProperty("spring.security.oauth2.resourceserver.jwt.jws-algorithms");
        return builder -> {
            if (!named) {
                builder.jwsAlgorithms(algorithms -> {
                    algorithms.clear();
                    algorithms.add(SignatureAlgorithm.RS256);
                    algorithms.add(SignatureAlgorithm.ES256);
                });
            }
        };
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> providers, SecuritySettings settings,
                                    Clock clock, ObjectProvider<MeterRegistry> registry,
                                    @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
        // Spring Boot's decoder for the configured provider; not a bean of ours, so that Boot still makes it
        JwtDecoder provider = providers.getIfAvailable();
        if (provider == null) {
            throw new IdentityProviderNotConfiguredException();
        }
        CallerTokenDecoder decoder = new CallerTokenDecoder(provider, clock, settings.keepVerifiedFor(),
                settings.verifiedTokens());
        registry.ifAvailable(r -> CaffeineCacheMetrics.monitor(r, decoder.verifiedTokens(), "verified-tokens"));
        BearerProblems problems = new BearerProblems(errors, ADMIN_SCOPE);
        http
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(AbstractHttpConfigurer::disable)
                .addFilterBefore(new FilterErrorsFilter(errors), SecurityContextHolderFilter.class)
                .addFilterAfter(corsFilter(settings), SecurityContextHolderFilter.class)
                .addFilterBefore(new AdminAuditFilter(WebConfiguration.ADMIN_PATH_PREFIX),
                        BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers(WebConfiguration.ADMIN_PATHS).hasAuthority("SCOPE_" + ADMIN_SCOPE)
                        .requestMatchers(CALLER_PATHS).authenticated()
                        // the catalog, the probes, the API description, the error page, unknown paths (404) and,
                        // on the management port, the actuator, which is never exposed on the public one
                        .anyRequest().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new SingleBearerTokenResolver())
                        .jwt(jwt -> jwt.decoder(decoder))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    private static CorsFilter corsFilter(SecuritySettings settings) {
        CorsConfiguration allowed = new CorsConfiguration();
        allowed.setAllowedOrigins(settings.allowedOrigins());
        allowed.setAllowedMethods(List.of("GET", "POST", "DELETE"));
        allowed.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Queue-Token", "Idempotency-Key"));
        allowed.setExposedHeaders(List.of("Retry-After", "WWW-Authenticate", "Location"));
        allowed.setMaxAge(Duration.ofHours(1));
        // bearer tokens, not cookies: nothing a browser would attach by itself
        allowed.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", allowed);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor());
        return filter;
    }
}
