package com.concert.bootstrap.random;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Cryptographically strong randomness for queue tokens without one lock for all requests: a few DRBG
 * instances (NIST SP 800-90A, seeded by the operating system), picked by the calling thread. One
 * {@code SecureRandom} serialises every token of every request behind its lock.
 */
public final class StripedSecureRandom implements RandomGenerator {

    private final SecureRandom[] stripes;

    public StripedSecureRandom(int stripes) {
        this.stripes = new SecureRandom[stripes];
        for (int i = 0; i < stripes; i++) {
            try {
                this.stripes[i] = SecureRandom.getInstance("DRBG");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JDK has no DRBG SecureRandom", e);
            }
        }
    }

    private SecureRandom stripe() {
        return stripes[(int) (Thread.currentThread().threadId() % stripes.length)];
    }

    @Override
    public long nextLong() {
        return stripe().nextLong();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        stripe().nextBytes(bytes);
    }
}
