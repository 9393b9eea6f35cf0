package com.concert.bootstrap.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The identity provider of the end-to-end tests: a real OpenID Connect issuer on loopback, in this JVM, with key
 * pairs generated at start (none is ever committed). It publishes its metadata
 * ({@code /.well-known/openid-configuration}) and its keys ({@code /jwks}); every service under test is pointed at
 * it by {@code issuer-uri} alone, as a deployment points at Keycloak, and checks {@code aud} = {@value #AUDIENCE}.
 * Tests sign tokens with its keys, or with keys it does not publish to prove those are refused.
 */
public final class TestIssuer {

    public static final String AUDIENCE = "concert-api";
    public static final String ADMIN_SCOPE = "concert:admin";
    private static final Duration LIFETIME = Duration.ofHours(2);

    private static volatile TestIssuer shared;

    private final HttpServer server;
    private final String issuer;
    private final RSAKey rsa;
    private final ECKey ec;
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private TestIssuer() throws IOException, JOSEException {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256).generate();
        published.add(rsa.toPublicJWK());
        published.add(ec.toPublicJWK());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
        server.createContext("/issuer/.well-known/openid-configuration", exchange -> answer(exchange, """
                {"issuer":"%s","jwks_uri":"%s/jwks","subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256","ES256"],"response_types_supported":["code"]}"""
                .formatted(issuer, issuer)));
        server.createContext("/issuer/jwks", exchange ->
                answer(exchange, new JWKSet(new ArrayList<>(published)).toString(true)));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "stop-test-issuer"));
    }

    /** The issuer of this JVM, started on first use. */
    public static TestIssuer shared() {
        TestIssuer issuer = shared;
        if (issuer == null) {
            synchronized (TestIssuer.class) {
                issuer = shared;
                if (issuer == null) {
                    try {
                        issuer = new TestIssuer();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (JOSEException e) {
                        throw new IllegalStateException(e);
                    }
                    shared = issuer;
                }
            }
        }
        return issuer;
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        try (exchange) {
            if (down.get()) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** Where the keys are published. */
    public String jwksUri() {
        return issuer + "/jwks";
    }

    /** The RSA signing key's public half as PEM, for a service configured by public-key-location. */
    public String publicRsaKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicRsaKeyBytes())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The Spring properties that make a service trust this issuer. */
    public Map<String, String> springProperties() {
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer,
                "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
    }

    /** The same as command-line arguments, plus a management port of its own, for services started by hand. */
    public List<String> serviceArguments() {
        List<String> arguments = new ArrayList<>();
        springProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.add("--management.server.port=0");
        return arguments;
    }

    /** A valid RS256 access token for {@code subject}, made once per subject and JVM. */
    public String tokenFor(String subject) {
        return tokens.computeIfAbsent(subject, s -> token().subject(s).sign());
    }

    /** A valid access token with the operator scope. */
    public String adminToken() {
        return tokens.computeIfAbsent("\0admin", s -> token().subject("ops-console").scope("openid " + ADMIN_SCOPE).sign());
    }

    /** A token to shape: by default valid, RS256, for this issuer and audience, lasting two hours. */
    public Token token() {
        return new Token();
    }

    /** Publishes a new signing key (as an identity provider rotating its keys does) and returns it. */
    public RSAKey rotate() {
        try {
            RSAKey next = new RSAKeyGenerator(2048).keyID("rsa-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            published.add(next.toPublicJWK());
            return next;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key pair this issuer never publishes: what a forger has. */
    public static RSAKey foreignKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("rsa-forged").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The RSA public key's encoded form, for the classic HS256-with-the-public-key forgery. */
    public byte[] publicRsaKeyBytes() {
        try {
            return rsa.toRSAPublicKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** While down, the issuer answers 503 to metadata and keys. */
    public void setDown(boolean isDown) {
        down.set(isDown);
    }

    /** A token being shaped; {@link #sign()} makes it. */
    public final class Token {

        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(AUDIENCE).jwtID(UUID.randomUUID().toString());
        private JWK key = rsa;
        private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = LIFETIME;

        private Token() {
        }

        public Token subject(String subject) {
            claims.subject(subject);
            return this;
        }

        public Token scope(String scope) {
            claims.claim("scope", scope);
            return this;
        }

        public Token claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        public Token issuer(String other) {
            claims.issuer(other);
            return this;
        }

        public Token audience(String other) {
            claims.audience(other);
            return this;
        }

        public Token issuedAt(Instant at, Duration lasting) {
            this.issuedAt = at;
            this.lifetime = lasting;
            return this;
        }

        public Token notBefore(Instant at) {
            claims.notBeforeTime(Date.from(at));
            return this;
        }

        public Token ec() {
            this.key = ec;
            this.algorithm = JWSAlgorithm.ES256;
            return this;
        }

        public Token signedWith(RSAKey other) {
            this.key = other;
            this.algorithm = JWSAlgorithm.RS256;
            return this;
        }

        public String sign() {
            JWTClaimsSet set = claims.issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(lifetime)))
                    .build();
            try {
                JWSSigner signer = key instanceof ECKey ecKey ? new ECDSASigner(ecKey) : new RSASSASigner((RSAKey) key);
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT).build(), set);
                jwt.sign(signer);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The claims as they stand, for tokens that are assembled by hand (unsigned, HMAC-signed). */
        public JWTClaimsSet claims() {
            return claims.issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(lifetime))).build();
        }
    }
}
