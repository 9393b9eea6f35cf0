package com.concert.testsupport.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis Cluster of three masters (no replicas) for the tests of this JVM, found in this order:
 * <ol>
 *     <li>{@code CONCERT_TEST_REDIS_CLUSTER_NODES} (environment or system property), {@code host:port,host:port}:
 *     a cluster somebody else runs;</li>
 *     <li>three {@code redis-server --cluster-enabled yes} on free loopback ports, started for this JVM from
 *     the machine's {@code redis-server} (else the binary that embedded-redis ships), joined into one cluster
 *     by {@code redis-cli --cluster create} (else by the same {@code CLUSTER ADDSLOTS} and {@code CLUSTER MEET}
 *     commands that tool sends).</li>
 * </ol>
 * Keys carry a namespace of this JVM, as with {@link RedisFixture}.
 */
public final class RedisClusterFixture {

    public static final String NODES_VARIABLE = "CONCERT_TEST_REDIS_CLUSTER_NODES";

    private static final int MASTERS = 3;
    private static final int SLOTS = 16_384;

    private static volatile RedisClusterFixture shared;

    private final List<String> nodes;
    private final String origin;
    private final String keyPrefix = "itc-" + UUID.randomUUID().toString().substring(0, 8) + ":";

    private RedisClusterFixture(List<String> nodes, String origin) {
        this.nodes = List.copyOf(nodes);
        this.origin = origin;
    }

    public static RedisClusterFixture shared() {
        RedisClusterFixture fixture = shared;
        if (fixture == null) {
            synchronized (RedisClusterFixture.class) {
                fixture = shared;
                if (fixture == null) {
                    fixture = resolve();
                    shared = fixture;
                }
            }
        }
        return fixture;
    }

    /** Seed nodes, {@code host:port}, as {@code spring.data.redis.cluster.nodes} takes them. */
    public List<String> nodes() {
        return nodes;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public String origin() {
        return origin;
    }

    private static RedisClusterFixture resolve() {
        String configured = System.getProperty(NODES_VARIABLE, System.getenv(NODES_VARIABLE));
        if (configured != null && !configured.isBlank()) {
            return new RedisClusterFixture(List.of(configured.trim().split("\\s*,\\s*")), NODES_VARIABLE);
        }
        try {
            return startLocalCluster();
        } catch (IOException e) {
            throw new UncheckedIOException("no " + NODES_VARIABLE + ", and a local Redis Cluster did not start", e);
        }
    }

    private static RedisClusterFixture startLocalCluster() throws IOException {
        Path dir = Files.createTempDirectory("redis-cluster-");
        ExecutableProvider executable = onPath("redis-server") != null
                ? ExecutableProvider.newExecutableInPath("redis-server")
                : ExecutableProvider.newJarResourceProvider();
        List<Integer> ports = new ArrayList<>();
        List<RedisServer> servers = new ArrayList<>();
        for (int i = 0; i < MASTERS; i++) {
            int port = RedisFixture.freePort();
            RedisServer server = RedisServer.newRedisServer().executableProvider(executable)
                    .bind("127.0.0.1").port(port)
                    .setting("cluster-enabled yes")
                    .setting("cluster-config-file " + dir.resolve("nodes-" + port + ".conf"))
                    .setting("cluster-node-timeout 5000")
                    .setting("dir " + dir)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            servers.add(server);
            ports.add(port);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (RedisServer server : servers) {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // the process is exiting anyway
                }
            }
        }, "stop-redis-cluster"));

        String how;
        File cli = onPath("redis-cli");
        if (cli != null) {
            createWithCli(cli, ports);
            how = "redis-cli --cluster create";
        } else {
            createWithCommands(ports);
            how = "CLUSTER ADDSLOTS and MEET";
        }
        awaitClusterOk(ports, Duration.ofSeconds(30));
        List<String> nodes = ports.stream().map(port -> "127.0.0.1:" + port).toList();
        return new RedisClusterFixture(nodes, "three local redis-server masters on " + ports + ", joined by " + how);
    }

    private static void createWithCli(File cli, List<Integer> ports) throws IOException {
        List<String> command = new ArrayList<>(List.of(cli.getPath(), "--cluster", "create"));
        ports.forEach(port -> command.add("127.0.0.1:" + port));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("redis-cli --cluster create failed: "
                        + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the cluster", e);
        }
    }

    /** What {@code redis-cli --cluster create} does for masters only: split the slots, give epochs, meet. */
    private static void createWithCommands(List<Integer> ports) {
        int first = 0;
        for (int i = 0; i < ports.size(); i++) {
            int last = i == ports.size() - 1 ? SLOTS - 1 : first + SLOTS / ports.size() - 1;
            int[] slots = new int[last - first + 1];
            for (int slot = first; slot <= last; slot++) {
                slots[slot - first] = slot;
            }
            int epoch = i + 1;
            withNode(ports.get(i), node -> {
                node.clusterAddSlots(slots);
                node.clusterSetConfigEpoch(epoch);
            });
            first = last + 1;
        }
        for (int port : ports.subList(1, ports.size())) {
            withNode(ports.getFirst(), node -> node.clusterMeet("127.0.0.1", port));
        }
    }

    private static void awaitClusterOk(List<Integer> ports, Duration within) throws IOException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            boolean ok = ports.stream().allMatch(port -> {
                String[] info = new String[1];
                withNode(port, node -> info[0] = node.clusterInfo());
                return info[0].contains("cluster_state:ok") && info[0].contains("cluster_known_nodes:" + ports.size());
            });
            if (ok) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the cluster", e);
            }
        }
        throw new IOException("the cluster on " + ports + " did not reach cluster_state:ok within " + within);
    }

    private interface NodeWork {
        void on(RedisCommands<String, String> node);
    }

    private static void withNode(int port, NodeWork work) {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            work.on(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    private static File onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, program);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate;
            }
        }
        return null;
    }
}
