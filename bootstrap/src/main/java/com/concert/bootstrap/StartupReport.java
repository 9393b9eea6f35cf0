package com.concert.bootstrap;

import com.concert.adapter.out.redis.connection.LettuceRedis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/** One line, once ready, that tells an operator where the service listens and what it runs on. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment environment;
    private final LettuceRedis redis;

    StartupReport(Environment environment, LettuceRedis redis) {
        this.environment = environment;
        this.redis = redis;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String profiles = environment.getActiveProfiles().length == 0
                ? "default" : String.join(",", Arrays.asList(environment.getActiveProfiles()));
        log.info("Concert service listening on http://localhost:{} (API docs /swagger-ui.html, probes /livez /readyz; "
                        + "actuator on port {}) on Java {} with {} CPUs, virtual threads {}, profile {}; PostgreSQL {}; {}; "
                        + "bearer tokens from {}",
                port, environment.getProperty("local.management.port",
                        environment.getProperty("management.server.port", port)),
                Runtime.version().feature(), Runtime.getRuntime().availableProcessors(),
                environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false) ? "on" : "off",
                profiles, withoutCredentials(environment.getProperty("spring.datasource.url", "?")), redis.describe(),
                identityProvider());
    }

    /** Where bearer tokens are verified against, as configured (the issuer, else the keys' location). */
    private String identityProvider() {
        String prefix = "spring.security.oauth2.resourceserver.jwt.";
        for (String setting : new String[]{"issuer-uri", "jwk-set-uri", "public-key-location"}) {
            String value = environment.getProperty(prefix + setting);
            if (value != null && !value.isBlank()) {
                return setting + " " + value;
            }
        }
        return "nowhere";
    }

    private static String withoutCredentials(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
