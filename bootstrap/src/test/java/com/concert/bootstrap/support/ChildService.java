package com.concert.bootstrap.support;

import com.concert.testsupport.persistence.PostgresFixture;
import com.concert.testsupport.redis.RedisFixture;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service ({@code target/concert-service.jar}) in a JVM of its own, on the test fixtures'
 * PostgreSQL schema and Redis, so that a test can kill it like an operator's {@code kill -9} or stop it like a
 * deployment's {@code SIGTERM}.
 */
public final class ChildService implements AutoCloseable {

    /** Child JVMs run beside the cached test contexts on one PostgreSQL: a smaller pool each. */
    private static final int CHILD_POOL_SIZE = 10;

    private final Process process;
    private final int port;
    private final Path log;

    private ChildService(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with the fixtures' settings plus {@code settings} ({@code name=value}) and waits until ready. */
    public static ChildService start(String redisNamespace, String... settings) throws IOException, InterruptedException {
        Path jar = Path.of("target", "concert-service.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no " + jar.toAbsolutePath() + ": the integration tests run after `package`");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                // quick to start, on two cores shared with the test's own JVM; a test measures correctness, not speed
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + port,
                "--concert.rate-limit.per-address=0",
                "--spring.data.redis.host=" + RedisFixture.shared().host(),
                "--spring.data.redis.port=" + RedisFixture.shared().port(),
                "--spring.data.redis.database=" + RedisFixture.shared().database(),
                "--concert.redis.key-prefix=" + RedisFixture.shared().keyPrefix() + redisNamespace + ":"));
        command.addAll(TestIssuer.shared().serviceArguments());
        for (Map.Entry<String, String> property : PostgresFixture.shared().springProperties(CHILD_POOL_SIZE).entrySet()) {
            command.add("--" + property.getKey() + "=" + property.getValue());
        }
        for (String setting : settings) {
            command.add("--" + setting);
        }
        Path log = Files.createTempFile("child-service-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ChildService child = new ChildService(process, port, log);
        child.awaitReady(Duration.ofSeconds(90));
        return child;
    }

    private void awaitReady(Duration within) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(within);
        Api api = api();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited: " + tail());
            }
            try {
                if (api.get("/readyz").send().status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service was not ready within " + within + ": " + tail());
    }

    public Api api() {
        return new Api("http://localhost:" + port);
    }

    public int port() {
        return port;
    }

    /** {@code kill -9}: no shutdown hook, no graceful anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** {@code SIGTERM}, as a deployment stops an instance; waits for the process to end. */
    public int terminate(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the service did not stop within " + within);
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The end of the service's own log, for failure messages. */
    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
