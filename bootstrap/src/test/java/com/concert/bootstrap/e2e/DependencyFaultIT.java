package com.concert.bootstrap.e2e;

import com.concert.bootstrap.ConcertServiceApplication;
import com.concert.bootstrap.support.Api;
import com.concert.bootstrap.support.TestIssuer;
import com.concert.bootstrap.support.Api.Reply;
import com.concert.bootstrap.support.Concerts;
import com.concert.bootstrap.support.Fan;
import com.concert.bootstrap.support.Parallel;
import com.concert.testsupport.net.TcpLink;
import com.concert.testsupport.persistence.PostgresFixture;
import com.concert.testsupport.redis.RedisFixture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service with its PostgreSQL and Redis behind links the test cuts, as if the server had died, and
 * restores: what depends on the lost server answers 503 with Retry-After at once (and never waits past
 * 2 s, however many requests arrive), the rest goes on, readiness goes DOWN, and when the server is back the
 * service recovers by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DependencyFaultIT {

    /** The contract: a request that needs a lost dependency is answered within this. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    private static final AtomicLong USERS = new AtomicLong(7_700_000);

    private TcpLink postgresLink;
    private TcpLink redisLink;
    private ConfigurableApplicationContext service;
    private Api api;

    @BeforeAll
    void startBehindLinks() {
        PostgresFixture postgres = PostgresFixture.shared();
        Matcher server = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)/").matcher(postgres.jdbcUrl());
        assertThat(server.find()).as(postgres.jdbcUrl()).isTrue();
        postgresLink = TcpLink.to(server.group(1), Integer.parseInt(server.group(2)));
        redisLink = TcpLink.to(RedisFixture.shared().host(), RedisFixture.shared().port());

        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl().replace(server.group(0),
                        "jdbc:postgresql://127.0.0.1:" + postgresLink.port() + "/"),
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redisLink.port(),
                "--spring.data.redis.database=" + RedisFixture.shared().database(),
                "--concert.redis.key-prefix=" + RedisFixture.shared().keyPrefix() + "faults:",
                "--concert.queue.admit-interval=100ms",
                "--concert.rate-limit.per-address=0",
                "--concert.shutdown.drain-delay=0s"));
        PostgresFixture.shared().springProperties().forEach((name, value) -> {
            if (!name.equals("spring.datasource.url")) {
                arguments.add("--" + name + "=" + value);
            }
        });
        arguments.addAll(TestIssuer.shared().serviceArguments());
        service = new SpringApplicationBuilder(ConcertServiceApplication.class).run(arguments.toArray(String[]::new));
        api = new Api("http://localhost:" + service.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @AfterEach
    void restoreLinks() {
        postgresLink.restore();
        redisLink.restore();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/readyz").send().status() == 200
                        && api.get("/api/v1/points").user(USERS.incrementAndGet()).send().status() == 200);
    }

    @AfterAll
    void stop() {
        service.close();
        postgresLink.close();
        redisLink.close();
    }

    /** A fan admitted to a new concert, with points, holding one of its seats (110,000 points). */
    private record Holding(Fan fan, long reservationId) {
    }

    private Holding aFanHoldingOneSeat(long points) {
        JsonNode concert = Concerts.bookable(api, Instant.now(), 10);
        long schedule = concert.path("schedules").get(0).path("id").asLong();
        Fan fan = Fan.admitted(api, USERS.incrementAndGet(), concert.path("id").asLong());
        long seat = fan.seatMap(schedule).get(0).path("id").asLong();
        assertThat(fan.charge(points, null).status()).isEqualTo(200);
        Reply held = fan.hold(schedule, List.of(seat));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        return new Holding(fan, held.json().path("id").asLong());
    }

    /** The reply and how long it took. */
    private record Timed(Reply reply, Duration took) {
    }

    private static Timed timed(Supplier<Reply> request) {
        long started = System.nanoTime();
        Reply reply = request.get();
        return new Timed(reply, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void assertUnavailableInTime(Timed answer) {
        assertThat(answer.reply().status()).as(answer.reply().toString()).isEqualTo(503);
        assertThat(answer.reply().code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(answer.reply().header("Retry-After")).isNotBlank();
        assertThat(answer.reply().contentType()).startsWith("application/problem+json");
        assertThat(answer.took()).as("answered within").isLessThan(ANSWER_WITHIN);
    }

    /** Two hundred requests at once: every one refused with 503 in time, none waiting for another's timeout. */
    private static void assertAStormIsRefusedInTime(String what, Supplier<Reply> request) throws Exception {
        List<Long> took = new ArrayList<>();
        List<Reply> storm = Parallel.atOnce(200, i -> {
            Timed answer = timed(request);
            synchronized (took) {
                took.add(answer.took().toMillis());
            }
            return answer.reply();
        });
        assertThat(storm).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(503));
        report(what, took);
        assertThat(took).allSatisfy(millis -> assertThat(millis).isLessThan(ANSWER_WITHIN.toMillis()));
    }

    /**
     * The same two hundred at once while the dependency is there, so that the storm after the cut meets a service
     * that has its threads, connections and compiled code, as a service in a sale has: on a cold JVM the first
     * storm's slowest answers took about 2 s with and without a dependency (the class run alone).
     */
    private static void warmUp(Supplier<Reply> request) throws Exception {
        List<Reply> replies = Parallel.atOnce(200, i -> request.get());
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isLessThan(300));
    }

    /** For the record (docs/adr/0009): how long the storm's answers took. */
    private static void report(String what, List<Long> took) {
        List<Long> sorted = took.stream().sorted().toList();
        System.out.printf("DependencyFaultIT: %s, %d at once, answered in %d..%d ms, median %d ms%n", what, sorted.size(),
                sorted.getFirst(), sorted.getLast(), sorted.get(sorted.size() / 2));
    }

    private Reply aNewFanCharges() {
        return api.post("/api/v1/points/charge", Map.of("amount", 1_000)).user(USERS.incrementAndGet()).send();
    }

    private Reply enterQueue(long concertId) {
        return api.post("/api/v1/concerts/" + concertId + "/queue", null).user(USERS.incrementAndGet()).send();
    }

    @Test
    void redisLost_queueAndGatedCalls503AtOnce_catalogAndPointsGoOn_readinessDown_thenRecovers() throws Exception {
        JsonNode concert = Concerts.bookable(api, Instant.now(), 10);
        long concertId = concert.path("id").asLong();
        long schedule = concert.path("schedules").get(0).path("id").asLong();
        Fan fan = Fan.admitted(api, USERS.incrementAndGet(), concertId);
        assertThat(api.get("/api/v1/concerts/" + concertId).send().status()).isEqualTo(200);
        warmUp(() -> enterQueue(concertId));

        redisLink.cut();

        assertUnavailableInTime(timed(() -> enterQueue(concertId)));
        assertUnavailableInTime(timed(fan::queueStatus));
        assertUnavailableInTime(timed(() -> api.get("/api/v1/concerts/" + concertId + "/schedules")
                .user(fan.userId()).header("X-Queue-Token", fan.token()).send()));
        assertUnavailableInTime(timed(() -> fan.hold(schedule, List.of(1L))));
        // two hundred at once: none waits for another's timeout
        assertAStormIsRefusedInTime("Redis lost: queue entries", () -> enterQueue(concertId));

        assertThat(api.get("/api/v1/concerts").send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/concerts/" + concertId).send().status()).isEqualTo(200);
        assertThat(fan.charge(10_000, null).status()).isEqualTo(200);
        assertThat(api.get("/readyz").send().status()).isEqualTo(503);
        assertThat(api.get("/livez").send().status()).isEqualTo(200);

        redisLink.restore();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> enterQueue(concertId).status() == 201);
        assertThat(fan.queueStatus().json().path("status").asString()).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/readyz").send().status() == 200);
    }

    /**
     * Redis restarted without its data (it keeps nothing on disk here): the database stays the truth. Holds and
     * points are where they were; queue tokens are gone, so their users enter the line again and, once
     * admitted, pay the hold they already have.
     */
    @Test
    void redisBackEmpty_holdsAndPointsStand_usersEnterAgain_andPayTheirHold() throws Exception {
        Holding holding = aFanHoldingOneSeat(200_000);
        Fan fan = holding.fan();
        long held = holding.reservationId();

        redisLink.cut();
        forgetEverythingInRedis();
        redisLink.restore();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> fan.queueStatus().status() == 401);
        assertThat(fan.queueStatus().code()).isEqualTo("TOKEN_INVALID");
        Reply reservation = api.get("/api/v1/reservations/" + held).user(fan.userId()).send();
        assertThat(reservation.json().path("status").asString()).isEqualTo("HELD");
        assertThat(fan.balance()).isEqualTo(200_000);

        Fan again = Fan.admitted(api, fan.userId(), fan.concertId());
        assertThat(again.token()).isNotEqualTo(fan.token());
        Reply paid = again.pay(held, null);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(again.balance()).isEqualTo(200_000 - 110_000);
    }

    /** What a restarted Redis without persistence holds of this service: nothing. */
    private static void forgetEverythingInRedis() {
        RedisFixture redis = RedisFixture.shared();
        RedisClient client = RedisClient.create(RedisURI.builder().withHost(redis.host()).withPort(redis.port())
                .withDatabase(redis.database()).build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys(redis.keyPrefix() + "faults:*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
            connection.sync().scriptFlush();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void postgresLost_everyDatabaseCall503AtOnce_readinessDown_thenRecovers() throws Exception {
        Holding holding = aFanHoldingOneSeat(500_000);
        Fan fan = holding.fan();
        long held = holding.reservationId();
        warmUp(this::aNewFanCharges);

        postgresLink.cut();

        assertUnavailableInTime(timed(() -> fan.charge(10_000, null)));
        assertUnavailableInTime(timed(() -> api.get("/api/v1/points").user(fan.userId()).send()));
        assertUnavailableInTime(timed(() -> api.get("/api/v1/points/history").user(fan.userId()).send()));
        assertUnavailableInTime(timed(() -> fan.pay(held, null)));
        assertUnavailableInTime(timed(() -> api.get("/api/v1/reservations/" + held).user(fan.userId())
                .header("X-Queue-Token", fan.token()).send()));
        assertUnavailableInTime(timed(() -> api.post("/api/v1/admin/concerts", Map.of("title", "Lost", "venue", "Hall",
                "schedules", List.of(Map.of("performanceAt", Instant.now().plus(Duration.ofDays(9)).toString(),
                        "bookingOpensAt", Instant.now().toString(),
                        "sections", List.of(Map.of("grade", "R", "price", 1_000, "seats", 5))))))
                .asAdmin().send()));
        assertAStormIsRefusedInTime("PostgreSQL lost: charges", this::aNewFanCharges);
        assertThat(api.get("/readyz").send().status()).isEqualTo(503);
        assertThat(api.get("/livez").send().status()).isEqualTo(200);

        postgresLink.restore();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> fan.charge(10_000, null).status() == 200);
        Reply paid = fan.pay(held, null);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(fan.balance()).isEqualTo(500_000 + 10_000 - 110_000);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/readyz").send().status() == 200);
    }
}
