package com.concert.loadtest;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpDsl;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What every simulation reads from system properties ({@code -DbaseUrl=...}): the service under test, where its
 * bearer tokens come from, and how hard and how long to push. {@code -Dsmoke=true} shrinks any simulation to a
 * few seconds at a low rate, to check it works before a real run.
 *
 * <p>Tokens ({@link #tokens()}): by default from the development identity provider's token endpoint
 * {@code -DtokenUrl} ({@value #DEV_TOKEN_URL}), users through the client {@code -DuserClient}
 * ({@value #DEV_USER_CLIENT}) and the operator through {@code -DadminClient} ({@value #DEV_ADMIN_CLIENT}), both
 * {@code id:secret}. With {@code -DjwtKey=/path/to/private.pem} (RSA, PKCS#8) no identity provider is contacted:
 * tokens are signed here, with the claims {@code iss} = {@code -DjwtIssuer} and {@code aud} =
 * {@code -DjwtAudience} when given, and the service must run with
 * {@code --spring.security.oauth2.resourceserver.jwt.public-key-location=file:/path/to/public.pem
 * --spring.security.oauth2.resourceserver.jwt.jws-algorithms=RS256} (Spring Boot takes exactly one algorithm
 * with a public key).
 */
final class LoadTestSettings {

    /** The development run's identity provider ({@code ./mvnw -pl bootstrap -am spring-boot:test-run}). */
    static final String DEV_TOKEN_URL = "http://127.0.0.1:9000/oauth2/token";
    static final String DEV_USER_CLIENT = "concert-dev:dev-secret";
    static final String DEV_ADMIN_CLIENT = "concert-ops:dev-ops-secret";

    private LoadTestSettings() {
    }

    static String baseUrl() {
        return System.getProperty("baseUrl", "http://127.0.0.1:8080").replaceAll("/+$", "");
    }

    /** Where tokens come from: signed here with {@code -DjwtKey} when given, else fetched from {@code -DtokenUrl}. */
    static Tokens tokens() {
        String key = property("jwtKey");
        if (key != null) {
            return Tokens.selfSigned(Path.of(key), property("jwtIssuer"), property("jwtAudience"));
        }
        return Tokens.fromIssuer(URI.create(System.getProperty("tokenUrl", DEV_TOKEN_URL)),
                System.getProperty("userClient", DEV_USER_CLIENT), System.getProperty("adminClient", DEV_ADMIN_CLIENT));
    }

    /** A property's value, or null when not given or blank (so that {@code -DjwtKey=} means none). */
    private static String property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static boolean smoke() {
        return Boolean.getBoolean("smoke");
    }

    /** Arrivals per second: the given default, or {@code -Drate}; 100 in a smoke run. */
    static double rate(double defaultRate) {
        return smoke() ? 100 : Double.parseDouble(System.getProperty("rate", Double.toString(defaultRate)));
    }

    /** How long the load lasts: the given default, or {@code -Dseconds}; 3 seconds in a smoke run. */
    static Duration duration(Duration defaultDuration) {
        if (smoke()) {
            return Duration.ofSeconds(3);
        }
        String seconds = System.getProperty("seconds");
        return seconds == null ? defaultDuration : Duration.ofSeconds(Long.parseLong(seconds));
    }

    /**
     * HTTP as a load balancer in front of the service would speak it: each virtual user keeps one keep-alive
     * connection. Simulations drive load from a bounded number of virtual users (throttled to the arrival rate
     * they model) rather than opening a socket per arriving fan, which on one machine exhausts file handles and
     * ports long before the service is saturated.
     */
    static HttpProtocolBuilder protocol() {
        return HttpDsl.http.baseUrl(baseUrl())
                .acceptHeader("application/json")
                .maxConnectionsPerHost(1);
    }

    /** Virtual users (and so connections) that carry an arrival-rate phase ({@code -Dclients}, default 400). */
    static int clients() {
        return Integer.getInteger("clients", 400);
    }

    /**
     * {@code perSecond} arrivals for {@code length}, each running {@code arrival} once, carried by {@link #clients()}
     * keep-alive clients that each start an arrival at most once per {@code clients / perSecond}: while the
     * service keeps up, exactly {@code perSecond} arrive; when it does not, fewer, and the counts show it. (One
     * virtual user per arrival would open a socket per request and exhaust this machine's file handles first.)
     */
    static PopulationBuilder arrivals(String name, ChainBuilder arrival, double perSecond, Duration length) {
        Duration pace = Duration.ofNanos((long) (clients() * 1e9 / perSecond));
        return CoreDsl.scenario(name).during(length).on(CoreDsl.pace(pace).exec(arrival))
                .injectOpen(CoreDsl.atOnceUsers(clients()));
    }

    /** Failed requests above this percentage fail the run ({@code -DmaxFailedPercent}, default 1). */
    static double maxFailedPercent() {
        return maxFailedPercent(1);
    }

    /** Failed requests above this percentage fail the run: {@code -DmaxFailedPercent}, else the given default. */
    static double maxFailedPercent(double defaultPercent) {
        String percent = property("maxFailedPercent");
        return percent == null ? defaultPercent : Double.parseDouble(percent);
    }
}
