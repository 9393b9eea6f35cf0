package com.concert.adapter.in.web.security;

import java.time.Duration;
import java.util.List;

/**
 * How callers are let in ({@code concert.security.*}).
 *
 * @param allowedOrigins   browser origins other than the service's own that may call the API (CORS); empty: none
 * @param verifiedTokens   how many verified tokens are kept in memory until they expire
 * @param keepVerifiedFor  the longest a verified token is kept, whatever its {@code exp}: how long a key the
 *                         identity provider withdraws may still be honoured for tokens already seen
 */
public record SecuritySettings(List<String> allowedOrigins, long verifiedTokens, Duration keepVerifiedFor) {

    public SecuritySettings {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        if (verifiedTokens < 0) {
            throw new IllegalArgumentException("concert.security.verified-tokens must be 0 (keep none) or positive");
        }
        if (keepVerifiedFor == null || keepVerifiedFor.isNegative()) {
            throw new IllegalArgumentException("concert.security.keep-verified-for must be 0 or positive");
        }
    }
}
