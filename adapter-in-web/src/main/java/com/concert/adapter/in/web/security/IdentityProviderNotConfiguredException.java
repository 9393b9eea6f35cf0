package com.concert.adapter.in.web.security;

/** The service was started without any way to verify bearer tokens, so it would let nobody in: it refuses to start. */
public final class IdentityProviderNotConfiguredException extends IllegalStateException {

    public static final String SETTINGS = "spring.security.oauth2.resourceserver.jwt.issuer-uri, "
            + "spring.security.oauth2.resourceserver.jwt.jwk-set-uri or "
            + "spring.security.oauth2.resourceserver.jwt.public-key-location";

    public IdentityProviderNotConfiguredException() {
        super("No identity provider is configured: set " + SETTINGS
                + " (and optionally spring.security.oauth2.resourceserver.jwt.audiences)");
    }
}
