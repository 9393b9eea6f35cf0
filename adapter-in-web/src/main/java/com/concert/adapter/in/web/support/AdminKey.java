package com.concert.adapter.in.web.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The operator key that unlocks {@code /api/v1/admin/**}; without one configured the admin API does not exist. */
public final class AdminKey {

    private final byte[] key;

    private AdminKey(byte[] key) {
        this.key = key;
    }

    public static AdminKey of(Optional<String> configured) {
        return new AdminKey(configured.filter(k -> !k.isBlank())
                .map(k -> k.getBytes(StandardCharsets.UTF_8))
                .orElse(null));
    }

    public boolean isConfigured() {
        return key != null;
    }

    /** Compares in constant time, so that response timing tells nothing about how much of a guess was right. */
    public boolean matches(String presented) {
        if (key == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8));
    }
}
