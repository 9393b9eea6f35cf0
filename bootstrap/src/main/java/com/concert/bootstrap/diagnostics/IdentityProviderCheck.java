package com.concert.bootstrap.diagnostics;

import com.concert.adapter.in.web.security.IdentityProviderNotConfiguredException;
import com.concert.bootstrap.ConcertServiceApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * Stops the service before anything starts when no identity provider is named: with no way to verify a bearer
 * token it would refuse every caller. Checked once the context is prepared, when every setting is in (files,
 * environment, arguments, a test's dynamic properties) but before any bean is made, and reported as one line by
 * {@link UnreachableDependencyFailureAnalyzer}. Other applications in the same JVM (the development run's identity
 * provider) are left alone.
 */
class IdentityProviderCheck implements ApplicationListener<ApplicationPreparedEvent> {

    private static final List<String> SETTINGS = List.of(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
            "spring.security.oauth2.resourceserver.jwt.public-key-location");

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        if (!event.getSpringApplication().getAllSources().contains(ConcertServiceApplication.class)) {
            return;
        }
        Environment environment = event.getApplicationContext().getEnvironment();
        boolean named = SETTINGS.stream().map(environment::getProperty).anyMatch(v -> v != null && !v.isBlank());
        if (!named) {
            throw new IdentityProviderNotConfiguredException();
        }
    }
}
