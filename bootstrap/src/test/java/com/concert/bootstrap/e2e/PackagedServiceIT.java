package com.concert.bootstrap.e2e;

import com.concert.testsupport.persistence.PostgresFixture;
import com.concert.testsupport.redis.RedisFixture;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar as an operator starts it: without an identity provider it lets nobody in, so it does not start. */
class PackagedServiceIT {

    @Test
    void withoutAnyIdentityProviderSetting_theServiceRefusesToStart_namingTheSettings() throws Exception {
        Path jar = Path.of("target", "concert-service.jar");
        assertThat(jar).as("the integration tests run after package").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=0", "--management.server.port=0",
                "--spring.data.redis.host=" + RedisFixture.shared().host(),
                "--spring.data.redis.port=" + RedisFixture.shared().port()));
        PostgresFixture.shared().springProperties(2).forEach((name, value) -> command.add("--" + name + "=" + value));
        Path log = Files.createTempFile("no-issuer-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // nothing from the test's own environment may configure an issuer
            builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_SECURITY"));
            Process process = builder.start();
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the service stops by itself").isTrue();

            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isNotZero();
            assertThat(output.lines().filter(line -> line.contains("No identity provider is configured: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri, "
                    + "spring.security.oauth2.resourceserver.jwt.jwk-set-uri or "
                    + "spring.security.oauth2.resourceserver.jwt.public-key-location"))).as(output).hasSize(1);
            assertThat(output).doesNotContain("\tat org.springframework");
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
