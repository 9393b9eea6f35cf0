package com.concert.testsupport.redis;

import com.redis.testcontainers.RedisContainer;
import org.testcontainers.DockerClientFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;

/**
 * The Redis every integration test of this JVM talks to, found in this order:
 * <ol>
 *     <li>{@code CONCERT_TEST_REDIS_URL} (environment or system property), for example
 *     {@code redis://127.0.0.1:6379/0}: the machine's own server, as CI uses;</li>
 *     <li>a Testcontainers Redis 7 when a Docker engine answers;</li>
 *     <li>an embedded redis-server (real binaries shipped in a jar) started for this JVM.</li>
 * </ol>
 * Each JVM prefixes its keys with a namespace of its own, so that two test runs sharing a server never see
 * each other's queues.
 */
public final class RedisFixture {

    public static final String URL_VARIABLE = "CONCERT_TEST_REDIS_URL";

    private static volatile RedisFixture shared;

    private final String host;
    private final int port;
    private final int database;
    private final String origin;
    private final String keyPrefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + ":";

    private RedisFixture(String host, int port, int database, String origin) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.origin = origin;
    }

    public static RedisFixture shared() {
        RedisFixture fixture = shared;
        if (fixture == null) {
            synchronized (RedisFixture.class) {
                fixture = shared;
                if (fixture == null) {
                    fixture = resolve();
                    shared = fixture;
                }
            }
        }
        return fixture;
    }

    private static RedisFixture resolve() {
        String configured = setting(URL_VARIABLE);
        if (configured != null) {
            URI uri = URI.create(configured);
            String path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
            return new RedisFixture(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379,
                    path.isEmpty() ? 0 : Integer.parseInt(path), URL_VARIABLE + " (" + configured + ")");
        }
        if (dockerAnswers()) {
            RedisContainer container = new RedisContainer(RedisContainer.DEFAULT_IMAGE_NAME.withTag("7-alpine"));
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-redis-container"));
            return new RedisFixture(container.getRedisHost(), container.getRedisPort(), 0,
                    "Testcontainers " + container.getDockerImageName());
        }
        try {
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // the process is exiting anyway
                }
            }, "stop-embedded-redis"));
            return new RedisFixture("127.0.0.1", port, 0, "embedded redis-server on port " + port);
        } catch (IOException e) {
            throw new UncheckedIOException("no " + URL_VARIABLE + ", no Docker, and embedded Redis did not start", e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public int database() {
        return database;
    }

    /** The namespace every key of this JVM's tests starts with. */
    public String keyPrefix() {
        return keyPrefix;
    }

    public String origin() {
        return origin;
    }

}
