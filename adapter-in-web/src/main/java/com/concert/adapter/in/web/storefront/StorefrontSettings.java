package com.concert.adapter.in.web.storefront;

import java.util.Optional;

/**
 * What the storefront (the web client served at {@code /}) needs to sign a fan in: the OpenID Connect issuer a
 * browser reaches, and the public client it signs in as (authorization code with PKCE).
 *
 * @param issuer   the issuer's URL as browsers reach it, whose {@code /.well-known/openid-configuration} names the
 *                 endpoints; empty when the service trusts a key or a JWK set but knows no issuer, and then nobody
 *                 can sign in through the storefront (the catalog still shows)
 * @param clientId the public client of the identity provider that the storefront signs in as
 * @param scope    the scopes asked for at sign-in
 */
public record StorefrontSettings(Optional<String> issuer, String clientId, String scope) {

    public StorefrontSettings {
        issuer = issuer == null ? Optional.empty() : issuer.filter(value -> !value.isBlank()).map(StorefrontSettings::withoutTrailingSlash);
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("concert.storefront.client-id must not be blank");
        }
        if (scope == null || !(" " + scope + " ").contains(" openid ")) {
            throw new IllegalArgumentException("concert.storefront.scope must include openid, got " + scope);
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
