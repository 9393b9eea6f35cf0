package com.concert.bootstrap.e2e;

import com.concert.bootstrap.support.Api;
import com.concert.bootstrap.support.Api.Reply;
import com.concert.bootstrap.support.Balancer;
import com.concert.bootstrap.support.ChildService;
import com.concert.bootstrap.support.Concerts;
import com.concert.testsupport.persistence.PostgresFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service stopped with {@code SIGTERM}, as a deployment stops it: requests in flight finish, the
 * schedulers stop cleanly, and a rolling restart of two instances behind a load balancer loses no request.
 */
class GracefulShutdownIT {

    private static final Duration STOP_WITHIN = Duration.ofSeconds(40);
    private static final AtomicLong USERS = new AtomicLong(7_300_000);

    private static JdbcTemplate jdbc;

    private final String namespace = "shutdown-" + System.nanoTime();
    private final List<ChildService> services = new ArrayList<>();

    @BeforeAll
    static void database() {
        PostgresFixture postgres = PostgresFixture.shared();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password()));
    }

    @AfterEach
    void stopServices() throws Exception {
        for (ChildService service : services) {
            service.close();
        }
    }

    private ChildService start(String drainDelay) throws Exception {
        ChildService service = ChildService.start(namespace,
                "concert.shutdown.drain-delay=" + drainDelay,
                "concert.queue.admit-interval=100ms",
                "concert.queue.admit-batch-size=1000",
                "concert.queue.max-active=1000",
                "concert.reservation.max-seats-per-user=1000",
                "concert.rate-limit.per-user=0");
        services.add(service);
        return service;
    }

    private static void assertStoppedCleanly(ChildService service, int exitCode) throws Exception {
        // 143 is 128 + SIGTERM: the JVM ran its shutdown hooks and ended as a signalled process does
        assertThat(exitCode).isIn(0, 143);
        String log = service.log();
        assertThat(log).contains("Commencing graceful shutdown", "Graceful shutdown complete",
                "hold-sweeper stopped", "queue-admission stopped");
        assertThat(log.lines().filter(line -> line.contains(" ERROR ") || line.startsWith("Exception"))).isEmpty();
    }

    @Test
    void aRequestInFlightWhenSigtermArrives_finishes() throws Exception {
        ChildService service = start("0s");
        Api api = service.api();
        List<Map<String, Object>> schedules = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 2; i++) {
            schedules.add(Map.of("performanceAt", now.plus(Duration.ofDays(30 + i)).toString(),
                    "bookingOpensAt", now.toString(),
                    "sections", List.of(Map.of("grade", "R", "price", 99_000, "seats", 50_000))));
        }
        String title = "Stadium " + System.nanoTime();
        // a stadium of 100,000 seats takes the service a few seconds to store
        CompletableFuture<Reply> created = CompletableFuture.supplyAsync(() -> api.post("/api/v1/admin/concerts",
                Map.of("title", title, "venue", "Stadium", "schedules", schedules)).asAdmin().send());
        Thread.sleep(500);
        assertThat(created).as("still in flight when the signal is sent").isNotDone();

        int exitCode = service.terminate(STOP_WITHIN);

        assertThat(created.get().status()).as(created.get().toString()).isEqualTo(201);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM seat s JOIN concert_schedule cs ON cs.id = s.schedule_id
                JOIN concert c ON c.id = cs.concert_id WHERE c.title = ?""", Integer.class, title)).isEqualTo(100_000);
        assertStoppedCleanly(service, exitCode);
    }

    /** What one client was told, to compare with the database after the restarts. */
    private static final class Client {

        final long userId;
        volatile long expectedBalance;
        final AtomicInteger paid = new AtomicInteger();

        Client(long userId) {
            this.userId = userId;
        }
    }

    @Test
    void aRollingRestartOfTwoInstancesUnderLoad_losesNoRequest() throws Exception {
        ChildService a = start("2s");
        ChildService b = start("2s");
        JsonNode concert = Concerts.bookable(a.api(), Instant.now(), 2_000);
        long concertId = concert.path("id").asLong();
        long schedule = concert.path("schedules").get(0).path("id").asLong();
        List<Long> seats = new ArrayList<>();
        jdbc.queryForList("SELECT id FROM seat WHERE schedule_id = ? ORDER BY id", Long.class, schedule).forEach(seats::add);

        ConcurrentLinkedQueue<String> lost = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Client> clients = new ArrayList<>();
        try (Balancer balancer = new Balancer(Duration.ofMillis(100))) {
            balancer.add(a);
            balancer.add(b);
            List<Future<?>> load = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
                for (int i = 0; i < 20; i++) {
                    Client client = new Client(USERS.incrementAndGet());
                    clients.add(client);
                    load.add(pool.submit(() -> shop(balancer, client, concertId, schedule, seats, running, lost, answered)));
                }
                Thread.sleep(2_000);

                ChildService a2 = restart(balancer, a);
                ChildService b2 = restart(balancer, b);
                Thread.sleep(2_000);
                assertThat(a2.isAlive() && b2.isAlive()).isTrue();

                running.set(false);
                for (Future<?> client : load) {
                    client.get();
                }
            }
        }

        assertThat(lost).as("requests that failed or were never answered").isEmpty();
        assertThat(answered.values().stream().mapToInt(AtomicInteger::get).sum()).isGreaterThan(500);
        assertThat(answered.get("pay").get()).isPositive();
        for (Client client : clients) {
            assertThat(jdbc.queryForObject("SELECT w.balance FROM wallet w JOIN app_user u ON u.id = w.user_id "
                    + "WHERE u.subject = ?", Long.class, Api.subjectOf(client.userId)))
                    .as("the balance user %d was told", client.userId).isEqualTo(client.expectedBalance);
        }
        int paid = clients.stream().mapToInt(client -> client.paid.get()).sum();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation WHERE schedule_id = ? AND status = 'CONFIRMED'",
                Integer.class, schedule)).isEqualTo(paid);
    }

    /** SIGTERM to {@code old} while the load goes on, then a new instance in its place, ready before the next step. */
    private ChildService restart(Balancer balancer, ChildService old) throws Exception {
        int exitCode = old.terminate(STOP_WITHIN);
        balancer.remove(old);
        assertStoppedCleanly(old, exitCode);
        ChildService replacement = start("2s");
        balancer.add(replacement);
        return replacement;
    }

    /**
     * A fan's loop through whichever instance the balancer picks for each request: read the catalog, charge,
     * enter the line, wait for admission, hold a seat, pay. A 5xx or an unanswered request is lost.
     */
    private static void shop(Balancer balancer, Client client, long concertId, long schedule, List<Long> seats,
                             AtomicBoolean running, ConcurrentLinkedQueue<String> lost, Map<String, AtomicInteger> answered) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int step = 0;
        while (running.get()) {
            step++;
            Reply listed = send("list", lost, answered, () -> balancer.api().get("/api/v1/concerts?size=20").send());
            if (listed == null) {
                continue;
            }
            if (client.expectedBalance < Concerts.SEAT_PRICE) {
                // topped up to one seat's price only: a loop whose holds lose their races (the seats run out
                // within the test) would otherwise charge past the wallet's limit
                String chargeKey = "roll-" + client.userId + "-" + step;
                Reply charged = send("charge", lost, answered, () -> balancer.api()
                        .post("/api/v1/points/charge", Map.of("amount", Concerts.SEAT_PRICE)).user(client.userId)
                        .header("Idempotency-Key", chargeKey).send());
                if (charged == null || charged.status() != 200) {
                    lost.add("charge answered " + charged);
                    continue;
                }
                client.expectedBalance = charged.json().path("balance").asLong();
            } else {
                Reply balance = send("balance", lost, answered, () -> balancer.api().get("/api/v1/points")
                        .user(client.userId).send());
                if (balance == null) {
                    continue;
                }
                if (balance.status() != 200 || balance.json().path("balance").asLong() != client.expectedBalance) {
                    lost.add("balance answered " + balance + " where " + client.expectedBalance + " was told");
                }
            }

            Reply entered = send("enter", lost, answered, () -> balancer.api()
                    .post("/api/v1/concerts/" + concertId + "/queue", null).user(client.userId).send());
            if (entered == null) {
                continue;
            }
            String token = entered.json().path("token").asString();
            String status = entered.json().path("status").asString();
            while (!"ACTIVE".equals(status) && running.get()) {
                sleep(50);
                Reply polled = send("status", lost, answered, () -> balancer.api().get("/api/v1/queue/status")
                        .user(client.userId).header("X-Queue-Token", token).send());
                if (polled == null) {
                    break;
                }
                status = polled.json().path("status").asString();
            }
            if (!"ACTIVE".equals(status)) {
                continue;
            }
            long seat = seats.get(random.nextInt(seats.size()));
            Reply held = send("hold", lost, answered, () -> balancer.api()
                    .post("/api/v1/reservations", Map.of("scheduleId", schedule, "seatIds", List.of(seat)))
                    .user(client.userId).header("X-Queue-Token", token).send());
            if (held == null || held.status() != 201) {
                continue;
            }
            long reservation = held.json().path("id").asLong();
            String payKey = "roll-pay-" + client.userId + "-" + step;
            Reply paid = send("pay", lost, answered, () -> balancer.api()
                    .post("/api/v1/payments", Map.of("reservationId", reservation)).user(client.userId)
                    .header("X-Queue-Token", token).header("Idempotency-Key", payKey).send());
            if (paid != null && paid.status() == 201) {
                client.expectedBalance = paid.json().path("balance").asLong();
                client.paid.incrementAndGet();
            } else if (paid != null) {
                lost.add("payment answered " + paid);
            }
            sleep(20);
        }
    }

    /** The reply, or null when the request failed (a 5xx, or no answer at all), which is recorded as lost. */
    private static Reply send(String kind, ConcurrentLinkedQueue<String> lost, Map<String, AtomicInteger> answered,
                              Supplier<Reply> request) {
        try {
            Reply reply = request.get();
            if (reply.status() >= 500) {
                lost.add(kind + ": " + reply);
                return null;
            }
            answered.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            return reply;
        } catch (RuntimeException unanswered) {
            lost.add(kind + ": " + unanswered);
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
