package com.concert.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Tokens signed by the load generator itself, RS256 with the JDK alone: no identity provider is contacted, so
 * preparing tens of thousands of fans costs only CPU here, and nothing of it lands in the service's JVM (where
 * the development identity provider runs and keeps every token it issued). The service must trust the matching
 * public key ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}).
 *
 * <p>Claims: {@code sub}, {@code iat}, {@code exp} (two hours on, longer than any run), a random {@code jti},
 * {@code scope} on the operator's token only, and {@code iss} and {@code aud} when given, for a service that
 * checks them.
 */
final class JwtSigner implements Tokens.Source {

    static final String OPERATOR_SUBJECT = "load-test-operator";

    private static final Duration LIFETIME = Duration.ofHours(2);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = base64url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS8_END = "-----END PRIVATE KEY-----";

    private final PrivateKey key;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final String keyFile;

    private JwtSigner(PrivateKey key, String issuer, String audience, Clock clock, String keyFile) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        this.keyFile = keyFile;
    }

    /** Reads an RSA private key in PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), as openssl genpkey writes it. */
    static JwtSigner fromPem(Path pem, String issuer, String audience, Clock clock) {
        Path file = pem.toAbsolutePath();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("-DjwtKey: cannot read " + file + ": " + e, e);
        }
        int begin = text.indexOf(PKCS8_BEGIN);
        int end = text.indexOf(PKCS8_END);
        if (begin < 0 || end < begin) {
            // a PKCS#1 key ("BEGIN RSA PRIVATE KEY") or an encrypted one would otherwise fail with a bare parse error
            throw new IllegalStateException("-DjwtKey: " + file + " holds no unencrypted PKCS#8 key (-----BEGIN "
                    + "PRIVATE KEY-----); convert it with: openssl pkcs8 -topk8 -nocrypt -in OLD.pem -out NEW.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + PKCS8_BEGIN.length(), end));
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new JwtSigner(key, issuer, audience, clock, file.toString());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("-DjwtKey: " + file + " is not an RSA private key: " + e, e);
        }
    }

    @Override
    public Tokens.Issued user(String subject) {
        return sign(subject, null);
    }

    @Override
    public Tokens.Issued operator() {
        return sign(OPERATOR_SUBJECT, "concert:admin");
    }

    @Override
    public String description() {
        return "signed with " + keyFile;
    }

    private Tokens.Issued sign(String subject, String scope) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(LIFETIME);
        StringBuilder claims = new StringBuilder("{\"sub\":").append(json(subject))
                .append(",\"iat\":").append(now.getEpochSecond())
                .append(",\"exp\":").append(expiresAt.getEpochSecond())
                .append(",\"jti\":").append(json(UUID.randomUUID().toString()));
        if (scope != null) {
            claims.append(",\"scope\":").append(json(scope));
        }
        if (issuer != null) {
            claims.append(",\"iss\":").append(json(issuer));
        }
        if (audience != null) {
            claims.append(",\"aud\":").append(json(audience));
        }
        String signingInput = HEADER + "." + base64url(claims.append('}').toString());
        try {
            // a Signature is not thread-safe, and tokens are signed on several threads at once
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return new Tokens.Issued(signingInput + "." + BASE64URL.encodeToString(rsa.sign()), expiresAt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token with " + keyFile + ": " + e, e);
        }
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string literal: subjects are any text, so quotes, backslashes and control characters are escaped. */
    private static String json(String value) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        literal.append("\\u%04x".formatted((int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }
}
