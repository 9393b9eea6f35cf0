package com.concert.bootstrap.e2e;

import com.concert.bootstrap.support.Api;
import com.concert.bootstrap.support.Api.Reply;
import com.concert.bootstrap.support.ChildService;
import com.concert.bootstrap.support.Concerts;
import com.concert.bootstrap.support.Fan;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service killed with {@code kill -9} in the middle of a storm of charges, holds and payments.
 * Whatever was in flight either happened completely or not at all: the database is examined by SQL right
 * after the crash, and again after a new process has started on it, every client has retried what it never
 * got an answer for (with the same Idempotency-Key), and the holds of the dead process have expired.
 */
class CrashSafetyIT {

    private static final int FANS = 100;
    private static final int SCHEDULES = 3;
    private static final int SEATS_PER_SCHEDULE = 150;
    private static final long SEAT_PRICE = 110_000;
    private static final Duration HOLD_TTL = Duration.ofSeconds(8);
    private static final AtomicLong USERS = new AtomicLong(7_100_000);

    private static JdbcTemplate jdbc;

    private final String namespace = "crash-" + System.nanoTime();
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

    private ChildService start() throws Exception {
        ChildService service = ChildService.start(namespace,
                "concert.queue.admit-interval=100ms",
                "concert.queue.admit-batch-size=1000",
                "concert.queue.max-active=1000",
                "concert.queue.active-ttl=30m",
                "concert.reservation.hold-ttl=" + HOLD_TTL.toSeconds() + "s",
                "concert.reservation.sweep-interval=1s",
                "concert.reservation.max-seats-per-user=1000",
                "concert.rate-limit.per-user=0");
        services.add(service);
        return service;
    }

    /** What one client believes: the points it was told it has, and the request it never got an answer to. */
    private static final class Client {

        final long userId;
        long expectedBalance;
        int paid;
        Consumer<Api> unanswered;

        Client(long userId) {
            this.userId = userId;
        }
    }

    @Test
    void killedMidStorm_theDatabaseKeepsEveryInvariant_andRetriesAfterRestartChangeNothingTwice() throws Exception {
        ChildService first = start();
        JsonNode concert = Concerts.bookable(first.api(), Instant.now(),
                SEATS_PER_SCHEDULE, SEATS_PER_SCHEDULE, SEATS_PER_SCHEDULE);
        long concertId = concert.path("id").asLong();
        List<Long> schedules = new ArrayList<>();
        concert.path("schedules").forEach(s -> schedules.add(s.path("id").asLong()));
        Map<Long, List<Long>> seats = new ConcurrentHashMap<>();
        for (long schedule : schedules) {
            List<Long> ids = new ArrayList<>();
            Fan.admitted(first.api(), USERS.incrementAndGet(), concertId).seatMap(schedule)
                    .forEach(s -> ids.add(s.path("id").asLong()));
            seats.put(schedule, ids);
        }

        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < FANS; i++) {
            clients.add(new Client(USERS.incrementAndGet()));
        }
        AtomicInteger payments = new AtomicInteger();
        List<Future<?>> storm = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(FANS)) {
            for (Client client : clients) {
                storm.add(pool.submit(() -> shop(first.api(), client, concertId, schedules, seats, payments)));
            }
            // the crash comes when the storm is at its height: payments are going through, many more are in flight
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                    .until(() -> payments.get() >= 60);
            first.kill();
            for (Future<?> fan : storm) {
                fan.get();
            }
        }
        long unanswered = clients.stream().filter(c -> c.unanswered != null).count();
        assertThat(unanswered).as("requests cut off by the crash").isPositive();

        assertInvariants(concertId);

        ChildService second = start();
        for (Client client : clients) {
            if (client.unanswered != null) {
                client.unanswered.accept(second.api());
            }
        }
        for (Client client : clients) {
            assertThat(new Fan(second.api(), client.userId, concertId, null).balance())
                    .as("the balance user %d was told", client.userId).isEqualTo(client.expectedBalance);
        }
        int paidByClients = clients.stream().mapToInt(c -> c.paid).sum();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation WHERE concert_id = ? AND status = 'CONFIRMED'",
                Integer.class, concertId)).isEqualTo(paidByClients);

        // the holds of the dead process are released by the new one's sweeper once they expire
        await().atMost(HOLD_TTL.plusSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM reservation WHERE concert_id = ? AND status = 'HELD'", Integer.class, concertId) == 0);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM seat s JOIN concert_schedule cs ON cs.id = s.schedule_id
                WHERE cs.concert_id = ? AND s.status = 'HELD'""", Integer.class, concertId)).isZero();
        assertInvariants(concertId);
    }

    /**
     * One fan's loop until the service stops answering: charge, enter the line, hold one to four seats, pay;
     * a request cut off by the crash is remembered, to be retried after the restart.
     */
    private static void shop(Api api, Client client, long concertId, List<Long> schedules, Map<Long, List<Long>> seats,
                             AtomicInteger payments) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int step = 0;
        while (true) {
            step++;
            long amount = SEAT_PRICE * (1 + random.nextInt(4));
            String chargeKey = "crash-charge-" + client.userId + "-" + step;
            Reply charged;
            try {
                charged = patiently(() -> new Fan(api, client.userId, concertId, null).charge(amount, chargeKey));
            } catch (RuntimeException crash) {
                client.unanswered = restarted -> retryCharge(restarted, client, amount, chargeKey);
                return;
            }
            if (charged.status() != 200) {
                throw new AssertionError("a charge failed before the crash: " + charged);
            }
            client.expectedBalance = charged.json().path("balance").asLong();

            Fan fan;
            try {
                fan = Fan.admitted(api, client.userId, concertId);
            } catch (RuntimeException crash) {
                return;
            }
            long schedule = schedules.get(random.nextInt(schedules.size()));
            List<Long> all = seats.get(schedule);
            List<Long> wanted = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            int from = random.nextInt(all.size() - count + 1);
            for (int i = 0; i < count; i++) {
                wanted.add(all.get(from + i));
            }
            Reply held;
            try {
                held = fan.hold(schedule, wanted);
            } catch (RuntimeException crash) {
                return;
            }
            if (held.status() != 201) {
                if (held.status() != 409 && held.status() != 503) {
                    throw new AssertionError("a hold failed before the crash: " + held);
                }
                continue;
            }
            long reservation = held.json().path("id").asLong();
            long price = held.json().path("totalPrice").asLong();
            String payKey = "crash-pay-" + client.userId + "-" + step;
            Reply paid;
            try {
                paid = patiently(() -> fan.pay(reservation, payKey));
            } catch (RuntimeException crash) {
                client.unanswered = restarted -> retryPayment(restarted, client, fan, reservation, price, payKey);
                return;
            }
            record(client, paid, price);
            if (paid.status() == 201) {
                payments.incrementAndGet();
            }
        }
    }

    private static void retryCharge(Api api, Client client, long amount, String key) {
        Reply charged = patiently(() -> new Fan(api, client.userId, 0, null).charge(amount, key));
        assertThat(charged.status()).as(charged.toString()).isEqualTo(200);
        client.expectedBalance = charged.json().path("balance").asLong();
    }

    private static void retryPayment(Api api, Client client, Fan before, long reservation, long price, String key) {
        Fan fan = new Fan(api, client.userId, before.concertId(), before.token());
        record(client, patiently(() -> fan.pay(reservation, key)), price);
    }

    /**
     * A request with an Idempotency-Key sent again while the service answers 503 (a storm of 100 clients on two
     * cores can make a request wait longer for a database connection than it may), as a client should.
     */
    private static Reply patiently(Supplier<Reply> request) {
        Reply reply = request.get();
        for (int retry = 0; retry < 20 && reply.status() == 503; retry++) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            reply = request.get();
        }
        return reply;
    }

    private static void record(Client client, Reply paid, long price) {
        switch (paid.status()) {
            case 201 -> {
                assertThat(paid.json().path("amount").asLong()).isEqualTo(price);
                client.expectedBalance = paid.json().path("balance").asLong();
                client.paid++;
            }
            // the hold ran out while the payment waited; nothing was taken
            case 409 -> assertThat(paid.code()).as(paid.toString()).isIn("RESERVATION_EXPIRED", "INSUFFICIENT_POINTS");
            default -> throw new AssertionError("a payment failed: " + paid);
        }
    }

    private static void assertInvariants(long concertId) {
        // every SOLD seat belongs to exactly one CONFIRMED reservation, and that reservation was paid exactly once
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM seat s JOIN concert_schedule cs ON cs.id = s.schedule_id
                WHERE cs.concert_id = ? AND s.status = 'SOLD'
                  AND (SELECT count(*) FROM reservation_seat rs JOIN reservation r ON r.id = rs.reservation_id
                       WHERE rs.seat_id = s.id AND r.status = 'CONFIRMED' AND r.id = s.reservation_id) <> 1""",
                Integer.class, concertId)).as("SOLD seats without exactly one CONFIRMED reservation").isZero();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM reservation r
                WHERE r.concert_id = ? AND r.status = 'CONFIRMED'
                  AND ((SELECT count(*) FROM payment p WHERE p.reservation_id = r.id AND p.amount = r.total_price) <> 1
                       OR (SELECT count(*) FROM point_history h
                           WHERE h.reservation_id = r.id AND h.type = 'USE' AND h.amount = r.total_price) <> 1
                       OR (SELECT count(*) FROM seat s WHERE s.reservation_id = r.id AND s.status = 'SOLD') <> r.seat_count)""",
                Integer.class, concertId)).as("CONFIRMED reservations without one payment, one use and their seats sold")
                .isZero();
        // no points used, and no payment made, for a reservation that is not CONFIRMED
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM point_history h JOIN reservation r ON r.id = h.reservation_id
                WHERE h.type = 'USE' AND r.status <> 'CONFIRMED'""", Integer.class)).as("points used for nothing").isZero();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM payment p JOIN reservation r ON r.id = p.reservation_id
                WHERE r.status <> 'CONFIRMED'""", Integer.class)).as("payments for nothing").isZero();
        // a HELD seat is held by a HELD reservation, and no seat is in two live reservations
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM seat s JOIN concert_schedule cs ON cs.id = s.schedule_id
                LEFT JOIN reservation r ON r.id = s.reservation_id
                WHERE cs.concert_id = ? AND s.status = 'HELD' AND (r.id IS NULL OR r.status <> 'HELD')""",
                Integer.class, concertId)).as("seats held by no live hold").isZero();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT rs.seat_id FROM reservation_seat rs JOIN reservation r ON r.id = rs.reservation_id
                                      WHERE r.status IN ('HELD', 'CONFIRMED') GROUP BY rs.seat_id HAVING count(*) > 1) twice""",
                Integer.class)).as("seats in two live reservations").isZero();
        // every balance is the sum of its history
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM wallet w
                WHERE w.balance <> (SELECT coalesce(sum(CASE WHEN h.type = 'USE' THEN -h.amount ELSE h.amount END), 0)
                                    FROM point_history h WHERE h.user_id = w.user_id)""", Integer.class))
                .as("balances that are not the sum of their history").isZero();
    }
}
