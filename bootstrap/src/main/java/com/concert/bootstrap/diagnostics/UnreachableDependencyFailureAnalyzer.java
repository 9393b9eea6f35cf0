package com.concert.bootstrap.diagnostics;

import com.concert.adapter.in.web.security.IdentityProviderNotConfiguredException;
import com.concert.adapter.out.redis.connection.RedisUnreachableException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Turns "PostgreSQL or Redis is not there" and "no identity provider is configured" at start-up into a short
 * message that says which one, where it was looked for, and what to do, instead of a page of stack trace.
 */
class UnreachableDependencyFailureAnalyzer implements FailureAnalyzer {

    private static final String DEV_HINT = "Or start the service with embedded PostgreSQL and Redis and demo data: "
            + "./mvnw -pl bootstrap -am spring-boot:test-run";

    private final Environment environment;

    UnreachableDependencyFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IdentityProviderNotConfiguredException missing) {
                return new FailureAnalysis(missing.getMessage(),
                        "Name the identity provider whose tokens the service trusts, for example "
                                + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI=https://idp.example/realms/concert "
                                + "(docker-compose.yml points at its Keycloak). " + DEV_HINT
                                + " (it starts a development identity provider too)", failure);
            }
            if (t instanceof RedisUnreachableException redis) {
                return new FailureAnalysis(redis.getMessage(),
                        "Start Redis, or set spring.data.redis.host and spring.data.redis.port "
                                + "(SPRING_DATA_REDIS_HOST, SPRING_DATA_REDIS_PORT), or spring.data.redis.cluster.nodes "
                                + "for a Redis Cluster. " + DEV_HINT, failure);
            }
            if (isDatabaseConnectionFailure(t)) {
                String url = environment.getProperty("spring.datasource.url", "(spring.datasource.url is not set)");
                return new FailureAnalysis("PostgreSQL at " + url + " is not reachable: " + t.getMessage(),
                        "Start PostgreSQL, or set spring.datasource.url, spring.datasource.username and "
                                + "spring.datasource.password (SPRING_DATASOURCE_URL, ...). " + DEV_HINT, failure);
            }
        }
        return null;
    }

    private static boolean isDatabaseConnectionFailure(Throwable t) {
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            // 08: connection exception; 28: invalid authorisation; 3D000: no such database
            return sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28")
                    || sql.getSQLState().equals("3D000");
        }
        return (t instanceof ConnectException || t instanceof UnknownHostException)
                && t.getStackTrace().length > 0 && isFromPostgresDriver(t);
    }

    private static boolean isFromPostgresDriver(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("org.postgresql")) {
                return true;
            }
        }
        return false;
    }
}
