package com.concert.bootstrap.e2e;

import com.concert.bootstrap.ConcertServiceApplication;
import com.concert.bootstrap.support.Api;
import com.concert.bootstrap.support.TestIssuer;
import com.concert.testsupport.persistence.PostgresFixture;
import com.concert.testsupport.redis.RedisFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other two ways an operator names the identity provider, each on a service of its own: the keys' JWK set
 * with the issuer checked by name (how docker-compose points at Keycloak), and a public key file.
 */
class IssuerSettingsIT {

    private final TestIssuer issuer = TestIssuer.shared();

    private static ConfigurableApplicationContext start(String... security) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--spring.data.redis.host=" + RedisFixture.shared().host(),
                "--spring.data.redis.port=" + RedisFixture.shared().port(),
                "--spring.data.redis.database=" + RedisFixture.shared().database(),
                "--concert.redis.key-prefix=" + RedisFixture.shared().keyPrefix() + "issuer-settings:",
                "--concert.shutdown.drain-delay=0s"));
        PostgresFixture.shared().springProperties(4).forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.addAll(List.of(security));
        return new SpringApplicationBuilder(ConcertServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext service) {
        return new Api("http://localhost:" + service.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Test
    void byJwkSetAndIssuerName_RS256AndES256AreTaken_andAnotherIssuerIsNot() {
        try (ConfigurableApplicationContext service = start(
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwksUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuer(),
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + TestIssuer.AUDIENCE)) {
            Api api = api(service);
            String subject = "jwks-" + UUID.randomUUID();

            assertThat(api.get("/api/v1/points").bearer(issuer.token().subject(subject).sign()).send().status())
                    .isEqualTo(200);
            assertThat(api.get("/api/v1/points").bearer(issuer.token().subject(subject).ec().sign()).send().status())
                    .isEqualTo(200);
            assertThat(api.get("/api/v1/points").bearer(issuer.token().subject(subject)
                    .issuer("http://keycloak:8080/realms/concert").sign()).send().code()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void byPublicKeyFile_RS256IsTaken_andAForgedSignatureIsNot() throws Exception {
        Path key = Files.createTempFile("issuer-public-", ".pem");
        Files.writeString(key, issuer.publicRsaKeyPem());
        try (ConfigurableApplicationContext service = start(
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + key.toAbsolutePath())) {
            Api api = api(service);
            String subject = "pem-" + UUID.randomUUID();

            assertThat(api.get("/api/v1/points").bearer(issuer.token().subject(subject).sign()).send().status())
                    .isEqualTo(200);
            assertThat(api.get("/api/v1/points").bearer(issuer.token().subject(subject)
                    .signedWith(TestIssuer.foreignKey()).sign()).send().code()).isEqualTo("UNAUTHENTICATED");
        } finally {
            Files.deleteIfExists(key);
        }
    }
}
