package com.concert.adapter.in.web.storefront;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one thing the storefront's static page cannot know by itself: which identity provider signs fans in. The
 * page reads this on start and finds the provider's endpoints through OpenID Connect discovery, so the same files
 * work against the dev run's provider, Keycloak or any other issuer the service is configured to trust.
 */
@RestController
@Tag(name = "Storefront", description = "What the web client served at / needs to sign in")
class StorefrontController {

    private final StorefrontSettings settings;

    StorefrontController(StorefrontSettings settings) {
        this.settings = settings;
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
}
