package com.concert.bootstrap.e2e;

import com.concert.bootstrap.ConcertServiceApplication;
import com.concert.bootstrap.support.Api;
import com.concert.bootstrap.support.Api.Reply;
import com.concert.bootstrap.support.Concerts;
import com.concert.bootstrap.support.Fan;
import com.concert.bootstrap.support.Parallel;
import com.concert.bootstrap.support.ServiceIT;
import com.concert.bootstrap.support.TestIssuer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two service instances on one PostgreSQL and one Redis, as behind a load balancer: each with its own web
 * server, connection pool, near-cache and schedulers, sharing only the database, Redis and (for the sweeper
 * test) the test's clock. Requests alternate between them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        "concert.redis.key-prefix=${it.redis.prefix}two:",
        "concert.queue.admit-interval=200ms",
        "concert.queue.admit-batch-size=100",
        "concert.queue.max-active=300",
        "concert.queue.active-ttl=30m",
        "concert.reservation.sweep-interval=200ms"})
class TwoInstancesIT extends ServiceIT {

    private static final AtomicLong USERS = new AtomicLong(7_500_000);
    private static final int MAX_ACTIVE = 300;

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry firstMeters;

    private ConfigurableApplicationContext second;
    private Api secondApi;

    @BeforeAll
    void startSecondInstance() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        arguments.addAll(TestIssuer.shared().serviceArguments());
        Stream.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                        "spring.liquibase.default-schema", "spring.datasource.hikari.maximum-pool-size",
                        "spring.datasource.hikari.minimum-idle",
                        "spring.data.redis.host", "spring.data.redis.port",
                        "spring.data.redis.database", "concert.redis.key-prefix", "concert.queue.admit-interval",
                        "concert.queue.admit-batch-size", "concert.queue.max-active", "concert.queue.active-ttl",
                        "concert.reservation.sweep-interval", "concert.rate-limit.per-address",
                        "concert.shutdown.drain-delay")
                .forEach(name -> arguments.add("--" + name + "=" + environment.getRequiredProperty(name)));
        // the same clock as the first instance, so that both sweepers see the same holds run out
        second = new SpringApplicationBuilder(ConcertServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("sharedClock", clock))
                .run(arguments.toArray(String[]::new));
        secondApi = new Api("http://localhost:" + second.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @AfterAll
    void stopSecondInstance() {
        second.close();
    }

    /** The first instance for even {@code i}, the second for odd. */
    private Api instance(int i) {
        return i % 2 == 0 ? api : secondApi;
    }

    private double sumOfCounters(String name, String... tags) {
        return Stream.of(firstMeters, second.getBean(MeterRegistry.class))
                .map(registry -> registry.find(name).tags(tags).counter())
                .mapToDouble(counter -> counter == null ? 0 : counter.count())
                .sum();
    }

    private List<Long> listedBySecond() {
        List<Long> ids = new ArrayList<>();
        JsonNode body = secondApi.get("/api/v1/concerts?size=100").send().json();
        body.path("items").forEach(item -> ids.add(item.path("id").asLong()));
        int pages = body.path("totalPages").asInt();
        for (int page = 1; page < pages; page++) {
            secondApi.get("/api/v1/concerts?size=100&page=" + page).send().json().path("items")
                    .forEach(item -> ids.add(item.path("id").asLong()));
        }
        return ids;
    }

    /** {@code n} fans admitted to {@code concertId}, half of them through each instance. */
    private List<Fan> admittedFans(long concertId, int n) throws Exception {
        List<Fan> fans = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            List<Future<Fan>> entered = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Api through = instance(i);
                entered.add(pool.submit(() -> Fan.admitted(through, USERS.incrementAndGet(), concertId)));
            }
            for (Future<Fan> fan : entered) {
                fans.add(fan.get());
            }
        }
        return fans;
    }

    /** The same fan, talking to the other instance for this request. */
    private Fan through(Api instance, Fan fan) {
        return new Fan(instance, fan.userId(), fan.concertId(), fan.token());
    }

    @Test
    void aConcertCreatedOnOneInstanceIsListedByTheOtherWithinASecond() {
        List<Long> before = listedBySecond();

        long created = Concerts.bookable(api, Instant.now(), 5).path("id").asLong();

        assertThat(before).doesNotContain(created);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(listedBySecond()).contains(created));
    }

    @Test
    void threeHundredHoldsOfOneSeatThroughBothInstances_exactlyOneWins() throws Exception {
        JsonNode concert = Concerts.bookable(api, Instant.now(), 1);
        long schedule = concert.path("schedules").get(0).path("id").asLong();
        List<Fan> fans = admittedFans(concert.path("id").asLong(), MAX_ACTIVE);
        long seat = fans.getFirst().seatMap(schedule).get(0).path("id").asLong();

        List<Reply> replies = Parallel.atOnce(fans.size(), i -> through(instance(i), fans.get(i)).hold(schedule, List.of(seat)));

        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat(r.code()).as(r.toString()).isEqualTo("SEAT_UNAVAILABLE"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation WHERE schedule_id = ?", Integer.class, schedule))
                .isEqualTo(1);
    }

    @Test
    void threeHundredFansRacingForFiftySeatsThroughBothInstances_neverShareOne_andEachPaysOnce() throws Exception {
        JsonNode concert = Concerts.bookable(api, Instant.now(), 50);
        long schedule = concert.path("schedules").get(0).path("id").asLong();
        List<Fan> fans = admittedFans(concert.path("id").asLong(), MAX_ACTIVE);
        List<Long> seats = new ArrayList<>();
        fans.getFirst().seatMap(schedule).forEach(s -> seats.add(s.path("id").asLong()));
        for (Fan fan : fans) {
            fan.charge(4 * 110_000, null);
        }

        // every fan asks at once, half through each instance, for 1 to 4 random seats
        List<Reply> holds = Parallel.atOnce(fans.size(), i -> {
            List<Long> mine = new ArrayList<>(seats);
            Collections.shuffle(mine, ThreadLocalRandom.current());
            return through(instance(i), fans.get(i)).hold(schedule, mine.subList(0, 1 + ThreadLocalRandom.current().nextInt(4)));
        });
        assertThat(holds).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(201, 409));
        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < holds.size(); i++) {
            if (holds.get(i).status() == 201) {
                winners.add(i);
            }
        }
        List<Reply> won = winners.stream().map(holds::get).toList();
        assertThat(won).isNotEmpty();

        // every winner pays twice at once with one Idempotency-Key, through both instances: one payment each
        List<Reply> payments = Parallel.atOnce(2 * winners.size(), i -> {
            int fan = winners.get(i / 2);
            long reservation = holds.get(fan).json().path("id").asLong();
            return through(instance(i), fans.get(fan)).pay(reservation, "two-" + reservation);
        });
        assertThat(payments).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        for (int i = 0; i < payments.size(); i += 2) {
            assertThat(payments.get(i).text()).isEqualTo(payments.get(i + 1).text());
        }

        int soldByReplies = won.stream().mapToInt(r -> r.json().path("seats").size()).sum();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM seat WHERE schedule_id = ? AND status = 'SOLD'",
                Integer.class, schedule)).isEqualTo(soldByReplies);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM reservation r WHERE r.schedule_id = ? AND r.status = 'CONFIRMED'
                  AND (SELECT count(*) FROM payment p WHERE p.reservation_id = r.id) = 1""", Integer.class, schedule))
                .isEqualTo(won.size());
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT rs.seat_id FROM reservation_seat rs JOIN reservation r ON r.id = rs.reservation_id
                                      WHERE r.schedule_id = ? AND r.status IN ('HELD', 'CONFIRMED')
                                      GROUP BY rs.seat_id HAVING count(*) > 1) twice""", Integer.class, schedule)).isZero();
        long paid = won.stream().mapToLong(r -> r.json().path("totalPrice").asLong()).sum();
        long balances = fans.stream().mapToLong(Fan::balance).sum();
        assertThat(balances + paid).as("charged = balances + paid").isEqualTo(fans.size() * 4L * 110_000);
    }

    /**
     * Both instances run the admission scheduler every 200 ms, up to 100 at a time. Together they admit in arrival order and never
     * more than max-active, and every admission is counted once across them.
     */
    @Test
    void admissionByBothInstances_keepsArrivalOrder_neverExceedsMaxActive_andHappensOnce() throws Exception {
        long concertId = Concerts.bookable(api, Instant.now(), 10).path("id").asLong();
        String tag = Long.toString(concertId);
        List<Fan> line = new ArrayList<>();
        // 360 arrivals, one after the other, alternating between the instances
        for (int i = 0; i < MAX_ACTIVE + 60; i++) {
            long user = USERS.incrementAndGet();
            Reply entered = instance(i).post("/api/v1/concerts/" + concertId + "/queue", null).user(user).send();
            assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
            line.add(new Fan(instance(i), user, concertId, entered.json().path("token").asString()));
        }

        assertAdmittedExactly(line, line.subList(0, MAX_ACTIVE));
        assertThat(sumOfCounters("concert.queue.admitted", "concert", tag)).isEqualTo(MAX_ACTIVE);

        // ten active fans leave at once, five through each instance: the next ten in line take their slots
        List<Reply> left = Parallel.atOnce(10, i -> {
            Fan fan = through(instance(i), line.get(i * 3));
            return fan.api().delete("/api/v1/queue").user(fan.userId()).header("X-Queue-Token", fan.token()).send();
        });
        assertThat(left).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(204));
        List<Fan> stayed = new ArrayList<>(line);
        for (int i = 9; i >= 0; i--) {
            stayed.remove(i * 3);
        }
        assertAdmittedExactly(stayed, stayed.subList(0, MAX_ACTIVE));
        assertThat(sumOfCounters("concert.queue.admitted", "concert", tag)).isEqualTo(MAX_ACTIVE + 10);
    }

    /** Waits for admission to settle, then checks it a few ticks later: exactly {@code active}, the rest in order. */
    private void assertAdmittedExactly(List<Fan> line, List<Fan> active) throws InterruptedException {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                active.stream().allMatch(fan -> "ACTIVE".equals(fan.queueStatus().json().path("status").asString())));
        // a few more ticks of both schedulers change nothing
        Thread.sleep(1_000);
        for (int i = 0; i < line.size(); i++) {
            JsonNode status = through(instance(i), line.get(i)).queueStatus().json();
            if (i < active.size()) {
                assertThat(status.path("status").asString()).as("place %d", i + 1).isEqualTo("ACTIVE");
            } else {
                assertThat(status.path("status").asString()).as("place %d", i + 1).isEqualTo("WAITING");
                assertThat(status.path("position").asInt()).as("place %d", i + 1).isEqualTo(i + 1 - active.size());
            }
        }
    }

    /**
     * Both instances sweep every 200 ms with the same clock. When holds run out, each is expired once: the
     * instances' expiry counters add up to the holds expired, and every seat is free again.
     */
    @Test
    void bothSweepersExpireEachRunOutHoldOnce() throws Exception {
        JsonNode concert = Concerts.bookable(api, Instant.now(), 40);
        long schedule = concert.path("schedules").get(0).path("id").asLong();
        List<Fan> fans = admittedFans(concert.path("id").asLong(), 10);
        List<Long> seats = new ArrayList<>();
        fans.getFirst().seatMap(schedule).forEach(s -> seats.add(s.path("id").asLong()));
        for (int i = 0; i < fans.size(); i++) {
            Reply held = through(instance(i), fans.get(i)).hold(schedule, seats.subList(4 * i, 4 * i + 4));
            assertThat(held.status()).as(held.toString()).isEqualTo(201);
        }
        double before = sumOfCounters("concert.reservations.expired");

        // both instances' clocks jump past the holds' deadline; anything their sweepers expire now carries that time
        Instant jump = Instant.now().plus(Duration.ofHours(1));
        clock.set(jump);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM reservation WHERE schedule_id = ? AND status = 'EXPIRED'", Integer.class, schedule) == 10);
        Thread.sleep(1_000);

        int expiredByThem = jdbc.queryForObject("SELECT count(*) FROM reservation WHERE status = 'EXPIRED' AND ended_at >= ?",
                Integer.class, Timestamp.from(jump));
        assertThat(expiredByThem).isGreaterThanOrEqualTo(10);
        assertThat(sumOfCounters("concert.reservations.expired") - before).isEqualTo(expiredByThem);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM seat WHERE schedule_id = ? AND status = 'AVAILABLE'",
                Integer.class, schedule)).isEqualTo(40);
        clock.reset();
    }
}
