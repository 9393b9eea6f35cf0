package com.concert.adapter.in.web.storefront;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The storefront's page and the one thing its static files cannot know by themselves: which identity provider
 * signs fans in. The page reads {@code /storefront/config} on start and finds the provider's endpoints through
 * OpenID Connect discovery, so the same files work against the dev run's provider, Keycloak or any other issuer
 * the service is configured to trust. The page itself is answered here, not by the static resource handler, for
 * its Content-Security-Policy: scripts, styles and images from this origin only, and calls to this origin and the
 * issuer's only (the page builds its elements from data and never parses it as HTML; the policy is the second
 * guard). Its modules and styles are plain static resources under {@code static/app/}.
 */
@RestController
@Tag(name = "Storefront", description = "The web client served at /")
class StorefrontController {

    private static final Resource PAGE = new ClassPathResource("static/index.html");

    private final StorefrontSettings settings;
    private final String contentSecurityPolicy;

    StorefrontController(StorefrontSettings settings) {
        this.settings = settings;
        String issuerOrigin = settings.issuer().map(StorefrontController::originOf).map(origin -> " " + origin).orElse("");
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                + "connect-src 'self'" + issuerOrigin + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @Hidden
    @GetMapping({"/", "/index.html"})
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("Referrer-Policy", "no-referrer")
                .body(PAGE);
    }

    @GetMapping("/storefront/config")
    @Operation(summary = "How the storefront signs fans in",
            description = "The OpenID Connect issuer (null when the service trusts no issuer by name) and the public "
                    + "client and scopes for the authorization code flow with PKCE. No token needed.")
    StorefrontConfigResponse config() {
        return new StorefrontConfigResponse(settings.issuer().orElse(null), settings.clientId(), settings.scope());
    }

    record StorefrontConfigResponse(
            @Schema(description = "the issuer; its discovery document names the endpoints", nullable = true) String issuer,
            String clientId,
            String scope) {
    }

    private static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
