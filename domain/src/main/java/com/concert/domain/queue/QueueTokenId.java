package com.concert.domain.queue;

import com.concert.domain.concert.ConcertId;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The string a client presents as {@code X-Queue-Token}: 128 random bits, unguessable and URL-safe, followed by
 * the concert it was issued for, so that the service finds the concert's queue from the token alone. Clients
 * treat it as opaque; changing any character yields a token that names nothing.
 */
public final class QueueTokenId {

    private static final String PREFIX = "q_";
    private static final int RANDOM_BYTES = 16;
    private static final int LENGTH = PREFIX.length() + 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String value;
    private final ConcertId concertId;

    public QueueTokenId(String value) {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a queue token");
        }
        this.value = value;
        this.concertId = new ConcertId(concertOf(value));
    }

    /** A new token for {@code concert}, its randomness drawn from {@code random} (a SecureRandom in service). */
    public static QueueTokenId generate(ConcertId concert, RandomGenerator random) {
        byte[] randomPart = new byte[RANDOM_BYTES];
        random.nextBytes(randomPart);
        byte[] bytes = new byte[RANDOM_BYTES + Long.BYTES];
        System.arraycopy(randomPart, 0, bytes, 0, RANDOM_BYTES);
        ByteBuffer.wrap(bytes, RANDOM_BYTES, Long.BYTES).putLong(concert.value());
        return new QueueTokenId(PREFIX + ENCODER.encodeToString(bytes));
    }

    /** The token, if {@code candidate} has the shape of one; anything else a client sends is no token at all. */
    public static Optional<QueueTokenId> parse(String candidate) {
        return isWellFormed(candidate) ? Optional.of(new QueueTokenId(candidate)) : Optional.empty();
    }

    private static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != LENGTH || !candidate.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = candidate.charAt(i);
            boolean urlSafe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!urlSafe) {
                return false;
            }
        }
        return concertOf(candidate) > 0;
    }

    private static long concertOf(String candidate) {
        return ByteBuffer.wrap(DECODER.decode(candidate.substring(PREFIX.length()))).getLong(RANDOM_BYTES);
    }

    /** The concert this token was issued for. */
    public ConcertId concertId() {
        return concertId;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QueueTokenId token && token.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        // tokens are credentials: logs show only their first characters
        return value.substring(0, 8) + "...";
    }
}
