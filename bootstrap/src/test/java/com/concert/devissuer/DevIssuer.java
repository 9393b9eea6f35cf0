package com.concert.devissuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The development run's identity provider: Spring Authorization Server on loopback, in the dev server's JVM but
 * in an application context of its own (so that nothing of it reaches the service's context), with a signing key
 * made at start. The service trusts it the way a deployment trusts Keycloak, by {@code issuer-uri}: discovery,
 * JWKS, signature, {@code iss}, {@code aud}, {@code exp}. Lives on the test classpath only.
 *
 * <ul>
 *     <li>{@value #OPS_CLIENT} / {@value #OPS_SECRET}: client credentials with the scope {@code concert:admin},
 *     the operator's token;</li>
 *     <li>{@value #DEV_CLIENT} / {@value #DEV_SECRET}: client credentials with a parameter {@code user=NAME}, a
 *     token whose subject is that name: a token for any user, for curl and load tests (development only);</li>
 *     <li>{@value #WEB_CLIENT}: a public client for browsers, authorization code with PKCE, demo users
 *     {@code alice} / {@code alice} and {@code bob} / {@code bob}.</li>
 * </ul>
 */
public final class DevIssuer {

    public static final String AUDIENCE = "concert-api";
    public static final String ADMIN_SCOPE = "concert:admin";
    public static final String OPS_CLIENT = "concert-ops";
    public static final String OPS_SECRET = "dev-ops-secret";
    public static final String DEV_CLIENT = "concert-dev";
    public static final String DEV_SECRET = "dev-secret";
    public static final String WEB_CLIENT = "concert-web";
    /** The request parameter that names the user of a {@value #DEV_CLIENT} token. */
    public static final String USER_PARAMETER = "user";

    private final ConfigurableApplicationContext context;
    private final String issuer;

    private DevIssuer(ConfigurableApplicationContext context, String issuer) {
        this.context = context;
        this.issuer = issuer;
    }

    /**
     * Starts the issuer on {@code port} (0 for any free one) of loopback. {@code webOrigins} are where browser
     * sign-ins may return to (the storefront's origin).
     */
    public static DevIssuer start(int port, List<String> webOrigins) {
        // the issuer names itself in every token, so its port is fixed before it starts
        int actual = port == 0 ? freePort() : port;
        String issuer = "http://127.0.0.1:" + actual;
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", actual);
        properties.put("dev-issuer.issuer", issuer);
        properties.put("server.address", "127.0.0.1");
        // none of the service's application.yml: this is another application
        properties.put("spring.config.name", "dev-issuer");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.threads.virtual.enabled", true);
        properties.put("dev-issuer.web-origins", String.join(",", webOrigins));
        // as command-line arguments, which rank above the environment: the service's own SERVER_PORT (say) must not
        // move the issuer onto the service's port
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Configuration.class)
                .web(WebApplicationType.SERVLET)
                .run(arguments);
        return new DevIssuer(context, issuer);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer, as it writes itself into {@code iss}: what the service's {@code issuer-uri} must be. */
    public String issuer() {
        return issuer;
    }

    public String tokenEndpoint() {
        return issuer + "/oauth2/token";
    }

    public void stop() {
        context.close();
    }

    @SpringBootConfiguration
    @EnableWebSecurity
    @ImportAutoConfiguration({
            org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
            org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
            org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
            org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
            org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
            org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
            org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
            org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class})
    static class Configuration {

        /**
         * The protocol endpoints: token, JWKS, discovery, authorization (with a login page for browsers). The
         * storefront, on the service's origin, reads discovery and trades its code for tokens from script, so
         * those answer its origins (CORS); the authorization and sign-out endpoints are navigations and need none.
         */
        @Bean
        @Order(1)
        SecurityFilterChain protocol(HttpSecurity http, org.springframework.core.env.Environment environment) {
            CorsConfiguration storefront = new CorsConfiguration();
            storefront.setAllowedOrigins(webOrigins(environment));
            storefront.setAllowedMethods(List.of("GET", "POST"));
            storefront.setAllowedHeaders(List.of("Content-Type", "Authorization"));
            storefront.setMaxAge(Duration.ofHours(1));
            UrlBasedCorsConfigurationSource cors = new UrlBasedCorsConfigurationSource();
            cors.registerCorsConfiguration("/**", storefront);
            http.cors(c -> c.configurationSource(cors));
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        /** The sign-in page a browser is sent to during the authorization-code flow. */
        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService demoUsers() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("alice").password("{noop}alice").roles("FAN").build(),
                    User.withUsername("bob").password("{noop}bob").roles("FAN").build());
        }

        @Bean
        RegisteredClientRepository clients(org.springframework.core.env.Environment environment) {
            TokenSettings fiveMinutes = TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(5)).build();
            RegisteredClient ops = RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(OPS_CLIENT).clientSecret("{noop}" + OPS_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope(ADMIN_SCOPE)
                    .tokenSettings(fiveMinutes)
                    .build();
            RegisteredClient dev = RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(DEV_CLIENT).clientSecret("{noop}" + DEV_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    // long enough for a load test's setup and run
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(2)).build())
                    .build();
            RegisteredClient.Builder web = RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(WEB_CLIENT)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .tokenSettings(fiveMinutes);
            for (String origin : webOrigins(environment)) {
                web.redirectUri(origin + "/").redirectUri(origin + "/callback").postLogoutRedirectUri(origin + "/");
            }
            return new InMemoryRegisteredClientRepository(ops, dev, web.build());
        }

        /**
         * Every access token is for the service ({@code aud}); a {@value #DEV_CLIENT} token is for the user its
         * request names, and refused without one.
         */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> tokens() {
            return context -> {
                if (!"access_token".equals(context.getTokenType().getValue())) {
                    return;
                }
                context.getClaims().audience(List.of(AUDIENCE));
                if (DEV_CLIENT.equals(context.getRegisteredClient().getClientId())
                        && context.getAuthorizationGrant() instanceof OAuth2ClientCredentialsAuthenticationToken grant) {
                    Object user = grant.getAdditionalParameters().get(USER_PARAMETER);
                    if (!(user instanceof String name) || name.isBlank() || name.length() > 255) {
                        throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                                "name the user with the parameter user=NAME (1 to 255 characters)", null));
                    }
                    context.getClaims().subject(name);
                }
            };
        }

        private static List<String> webOrigins(org.springframework.core.env.Environment environment) {
            return Arrays.stream(environment.getProperty("dev-issuer.web-origins", "").split(","))
                    .filter(origin -> !origin.isBlank()).toList();
        }

        @Bean
        JWKSource<SecurityContext> signingKeys() throws JOSEException {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE).generate();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** For the issuer's own OpenID Connect endpoints (user info), which take its access tokens. */
        @Bean
        JwtDecoder ownTokens(JWKSource<SecurityContext> signingKeys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings(org.springframework.core.env.Environment environment) {
            return AuthorizationServerSettings.builder()
                    .issuer(environment.getRequiredProperty("dev-issuer.issuer")).build();
        }
    }
}
