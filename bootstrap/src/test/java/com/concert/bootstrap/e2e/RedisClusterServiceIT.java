package com.concert.bootstrap.e2e;

import com.concert.bootstrap.ConcertServiceApplication;
import com.concert.bootstrap.support.Api;
import com.concert.bootstrap.support.Api.Reply;
import com.concert.bootstrap.support.Concerts;
import com.concert.bootstrap.support.TestIssuer;
import com.concert.testsupport.persistence.PostgresFixture;
import com.concert.testsupport.redis.RedisClusterFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two service instances configured with {@code spring.data.redis.cluster.nodes} only, on a three-master Redis
 * Cluster (see {@link RedisClusterFixture}) and one PostgreSQL: readiness covers the cluster, admission through
 * both keeps arrival order and never exceeds {@code max-active}, and a fan books and pays through either.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisClusterServiceIT {

    private static final int MAX_ACTIVE = 3;
    private static final AtomicLong USERS = new AtomicLong(7_900_000);

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final List<Api> apis = new ArrayList<>();

    @BeforeAll
    void startTwoInstancesOnTheCluster() {
        RedisClusterFixture cluster = RedisClusterFixture.shared();
        for (int i = 0; i < 2; i++) {
            List<String> arguments = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--spring.data.redis.cluster.nodes=" + String.join(",", cluster.nodes()),
                    "--concert.redis.key-prefix=" + cluster.keyPrefix() + "service:",
                        "--concert.queue.admit-interval=200ms",
                    "--concert.queue.admit-batch-size=2",
                    "--concert.queue.max-active=" + MAX_ACTIVE,
                    "--concert.queue.active-ttl=1m",
                    "--concert.rate-limit.per-address=0",
                    "--concert.shutdown.drain-delay=0s"));
            PostgresFixture.shared().springProperties(10).forEach((name, value) -> arguments.add("--" + name + "=" + value));
            arguments.addAll(TestIssuer.shared().serviceArguments());
            ConfigurableApplicationContext instance = new SpringApplicationBuilder(ConcertServiceApplication.class)
                    .run(arguments.toArray(String[]::new));
            instances.add(instance);
            apis.add(new Api("http://localhost:" + instance.getEnvironment().getRequiredProperty("local.server.port")));
        }
    }

    @AfterAll
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    private record InLine(long user, String token, Api api) {

        Reply status() {
            return api.get("/api/v1/queue/status").user(user).header("X-Queue-Token", token).send();
        }
    }

    @Test
    void readinessCoversTheCluster() {
        for (Api api : apis) {
            Reply readiness = api.get("/readyz").send();
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().path("components").path("redis").path("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void admissionThroughBothInstances_keepsArrivalOrder_neverExceedsMaxActive_andAFanPaysThroughEither() {
        JsonNode concert = Concerts.bookable(apis.getFirst(), Instant.now(), 20);
        long concertId = concert.path("id").asLong();
        long schedule = concert.path("schedules").get(0).path("id").asLong();
        List<InLine> line = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Api api = apis.get(i % 2);
            long user = USERS.incrementAndGet();
            Reply entered = api.post("/api/v1/concerts/" + concertId + "/queue", null).user(user).send();
            assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
            line.add(new InLine(user, entered.json().path("token").asString(), api));
        }

        // three at a time, in the order they came; a slot given back is filled at a following tick
        for (int round = 0; round < 3; round++) {
            List<InLine> expected = line.subList(round * MAX_ACTIVE, (round + 1) * MAX_ACTIVE);
            List<InLine> waiting = line.subList((round + 1) * MAX_ACTIVE, line.size());
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(expected).allSatisfy(fan ->
                            assertThat(fan.status().json().path("status").asString()).isEqualTo("ACTIVE")));
            for (int i = 0; i < waiting.size(); i++) {
                JsonNode status = waiting.get(i).status().json();
                assertThat(status.path("status").asString()).isEqualTo("WAITING");
                assertThat(status.path("position").asInt()).isEqualTo(i + 1);
            }
            if (round < 2) {
                for (InLine fan : expected) {
                    assertThat(fan.api().delete("/api/v1/queue").user(fan.user()).header("X-Queue-Token", fan.token())
                            .send().status()).isEqualTo(204);
                }
            }
        }

        InLine buyer = line.getLast();
        Api other = apis.get(0) == buyer.api() ? apis.get(1) : apis.get(0);
        assertThat(other.post("/api/v1/points/charge", Map.of("amount", 110_000)).user(buyer.user()).send().status())
                .isEqualTo(200);
        Reply seats = other.get("/api/v1/concerts/" + concertId + "/schedules/" + schedule + "/seats")
                .user(buyer.user()).header("X-Queue-Token", buyer.token()).send();
        long seat = seats.json().path("seats").get(0).path("id").asLong();
        Reply held = buyer.api().post("/api/v1/reservations", Map.of("scheduleId", schedule, "seatIds", List.of(seat)))
                .user(buyer.user()).header("X-Queue-Token", buyer.token()).send();
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        Reply paid = other.post("/api/v1/payments", Map.of("reservationId", held.json().path("id").asLong()))
                .user(buyer.user()).header("X-Queue-Token", buyer.token()).send();
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(buyer.status().code()).as("paying ended the token").isEqualTo("TOKEN_INVALID");
    }
}
