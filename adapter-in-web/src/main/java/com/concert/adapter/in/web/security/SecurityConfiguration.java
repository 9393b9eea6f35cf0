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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Who may call what. Every user and operator call carries {@code Authorization: Bearer <JWT>} from the identity
 * provider that {@code spring.security.oauth2.resourceserver.jwt.*} names (Spring Boot builds its decoder; see
 * {@link CallerTokenDecoder} for what is added to it, {@link VerifiedBearerTokens} for how a token is checked once);
 * the caller is the token's subject. The catalog is public;
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

    /**
     * The default firewall (no encoded slashes, no path traversal, no control characters in headers), with the
     * header check written as a loop instead of a regular expression: see {@link HeaderCharacters}.
     */
    @Bean
    WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.NAMES);
        firewall.setAllowedHeaderValues(HeaderCharacters.VALUES);
        return web -> web.httpFirewall(firewall);
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization: they cost the
     * read path more than the token check itself (docs/benchmarks.md); {@code http.server.requests} still times
     * every request, refusals included.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
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
        VerifiedBearerTokens tokens = new VerifiedBearerTokens(new CallerTokenDecoder(provider), clock,
                settings.keepVerifiedFor(), settings.verifiedTokens());
        registry.ifAvailable(r -> CaffeineCacheMetrics.monitor(r, tokens.cache(), "verified-tokens"));
        BearerProblems problems = new BearerProblems(errors, ADMIN_SCOPE);
        // no event per authenticated request (nothing listens), unlike the manager Spring Boot would give
        ProviderManager authentication = new ProviderManager(tokens);
        http
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                // stateless: no session is read or made, and no filter is spent on one (each filter of the chain
                // costs every request, and a cached read is cheap: docs/benchmarks.md)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .servletApi(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                // CORS, the security headers, the error mapping and the operator audit: ApiEdgeFilter
                .headers(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .addFilterAfter(new ApiEdgeFilter(errors, corsPolicy(settings), "/api/",
                        WebConfiguration.ADMIN_PATH_PREFIX), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers(WebConfiguration.ADMIN_PATHS).hasAuthority("SCOPE_" + ADMIN_SCOPE)
                        .requestMatchers(CALLER_PATHS).authenticated()
                        // the catalog, the probes, the API description, the error page, unknown paths (404) and,
                        // on the management port, the actuator, which is never exposed on the public one
                        .anyRequest().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new SingleBearerTokenResolver())
                        .jwt(jwt -> jwt.authenticationManager(authentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    private static CorsConfiguration corsPolicy(SecuritySettings settings) {
        CorsConfiguration allowed = new CorsConfiguration();
        allowed.setAllowedOrigins(settings.allowedOrigins());
        allowed.setAllowedMethods(List.of("GET", "POST", "DELETE"));
        allowed.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Queue-Token", "Idempotency-Key"));
        allowed.setExposedHeaders(List.of("Retry-After", "WWW-Authenticate", "Location"));
        allowed.setMaxAge(Duration.ofHours(1));
        // bearer tokens, not cookies: nothing a browser would attach by itself
        allowed.setAllowCredentials(false);
        return allowed;
    }
}
