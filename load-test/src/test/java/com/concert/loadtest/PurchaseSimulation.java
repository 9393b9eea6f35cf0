package com.concert.loadtest;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * What a purchase costs: {@code -Dclients} (64) clients in a closed loop, each taking the next prepared purchase,
 * holding its seats ({@code POST /api/v1/reservations}, "purchase: hold") and paying for them
 * ({@code POST /api/v1/payments} with an Idempotency-Key, "purchase: pay"), then going on with the next, until
 * the {@code -Dpurchases} (20,000) prepared purchases are used up or {@code -DdurationSeconds} (60) have passed.
 * Nothing else is sent while measuring: no seat map, no polling, no lost race. Each purchase is
 * {@code -DseatsPerHold} (1, at most 4) seats, none of them given to another purchase, by a fan of its own
 * (a payment ends the fan's queue token), prepared in the set-up: admitted to the run's concert and charged the
 * price of its seats (see {@link PreparedPurchases}, which says how long the set-up waits for admission). The
 * fans' bearer tokens were all used in the set-up, so the service has verified them before the measured part,
 * as it has those of fans who have come this far, as long as {@code concert.security.verified-tokens} (50,000)
 * holds them all.
 *
 * <p>The report shows each request's latency under its name; the run ends with the line
 * {@code PurchaseSimulation: N purchases in S s: P purchases/s}, counting from the first client's first hold to
 * the last client's end. Any failed request fails the run ({@code -DmaxFailedPercent}, default 0).
 * {@code -Dsmoke=true}: 200 purchases by 8 clients, for 5 seconds at most.
 *
 * <p>{@code -DwarmupPurchases=N} (0: none) first runs the same loop over N purchases of their own in this JVM, its
 * requests named "warm-up: hold" and "warm-up: pay", for {@code -DdurationSeconds} at most; the measured loop
 * starts when it is over (the line {@code PurchaseSimulation: purchase: the first purchase starts}). The service
 * and this load generator have then compiled their hot paths: in a load generator started for the measured loop
 * alone, its JIT compiler had more than half of the generator's CPU (load-test/cpu-split.py).
 *
 * <p>The service must admit every fan at once and keep them admitted through set-up and run, and must not limit
 * one address (the load generator is one); tokens signed here ({@code -DjwtKey}, see {@link LoadTestSettings}):
 * <pre>
 * openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out load-test/target/jwt-key.pem
 * openssl pkey -in load-test/target/jwt-key.pem -pubout -out load-test/target/jwt-public.pem
 * createdb -h 127.0.0.1 -U postgres purchase_bench &amp;&amp; redis-cli -n 8 flushdb
 * java -jar bootstrap/target/concert-service.jar --server.port=8080 \
 *     --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/purchase_bench --spring.datasource.username=postgres \
 *     --spring.data.redis.database=8 \
 *     --spring.security.oauth2.resourceserver.jwt.public-key-location=file:$PWD/load-test/target/jwt-public.pem \
 *     --concert.rate-limit.per-address=0 \
 *     --concert.queue.max-active=100000 --concert.queue.admit-batch-size=100000 \
 *     --concert.queue.admit-interval=1s --concert.queue.active-ttl=30m &amp;
 * ./mvnw -B -pl load-test gatling:test -Dgatling.simulationClass=com.concert.loadtest.PurchaseSimulation \
 *     -DbaseUrl=http://127.0.0.1:8080 -DjwtKey=$PWD/load-test/target/jwt-key.pem \
 *     -Dclients=64 -Dpurchases=20000 -DseatsPerHold=1 -DdurationSeconds=60
 * </pre>
 * {@code load-test/purchase.sh} does all of this in one go, with liveness measured beside it for scale.
 */
public class PurchaseSimulation extends Simulation {

    private static final String HOLD_NAME = "purchase: hold";
    private static final String PAY_NAME = "purchase: pay";

    private static final long NOT_YET = Long.MIN_VALUE;

    private static final Map<String, String> FAN_WITH_TOKEN = Map.of(
            "Authorization", FanPool.AUTHORIZATION,
            "X-Queue-Token", "#{token}");

    private final boolean smoke = LoadTestSettings.smoke();
    private final int purchases = smoke ? 200 : Integer.getInteger("purchases", 20_000);
    private final int warmupPurchases = smoke ? 0 : Integer.getInteger("warmupPurchases", 0);
    private final int seatsPerHold = Integer.getInteger("seatsPerHold", 1);
    private final int clients = Math.min(smoke ? 8 : Integer.getInteger("clients", 64), purchases);
    private final Duration duration = smoke ? Duration.ofSeconds(5)
            : Duration.ofSeconds(Long.getLong("durationSeconds", 60));
    private final double maxFailedPercent = LoadTestSettings.maxFailedPercent(0);

    /**
     * One closed loop of {@code clients} over prepared purchases, for {@code duration} at most; its requests named
     * "{name}: hold" and "{name}: pay".
     */
    private final class Loop {

        private final String name;
        private final int count;
        private volatile PreparedPurchases prepared;
        private volatile double setupSeconds;
        /** When the first client took its first purchase and when the last one ended, in {@link System#nanoTime()}. */
        private final AtomicLong startedAt = new AtomicLong(NOT_YET);
        private final AtomicLong endedAt = new AtomicLong(NOT_YET);
        private final AtomicInteger completed = new AtomicInteger();

        Loop(String name, int count) {
            this.name = name;
            this.count = count;
        }

        void prepare() {
            long started = System.nanoTime();
            prepared = PreparedPurchases.prepare(LoadTestSettings.baseUrl(), LoadTestSettings.tokens(),
                    name.replace("-", ""), count, seatsPerHold, Duration.ofSeconds(120));
            setupSeconds = (System.nanoTime() - started) / 1e9;
        }

        /**
         * Clears what the previous purchase left in the session and puts the next one there, unless none is left
         * or the time is up: the loop ends on a session without one.
         */
        private Session take(Session session) {
            long now = System.nanoTime();
            if (startedAt.get() == NOT_YET && startedAt.compareAndSet(NOT_YET, now)) {
                System.out.printf("PurchaseSimulation: %s: the first purchase starts%n", name);
            }
            Session fresh = session.markAsSucceeded().removeAll("seatIds", "reservationId");
            if (now - startedAt.get() >= duration.toNanos()) {
                return fresh;
            }
            return prepared.next().map(purchase -> fresh.setAll(purchase.attributes())).orElse(fresh);
        }

        private Session paid(Session session) {
            completed.incrementAndGet();
            return session;
        }

        private Session done(Session session) {
            endedAt.accumulateAndGet(System.nanoTime(), Math::max);
            return session;
        }

        private ChainBuilder hold() {
            return exec(http(name + ": hold")
                    .post("/api/v1/reservations")
                    .headers(FAN_WITH_TOKEN)
                    .body(StringBody("{\"scheduleId\":#{scheduleId},\"seatIds\":#{seatIds}}")).asJson()
                    .check(status().is(201))
                    .check(jsonPath("$.id").ofLong().saveAs("reservationId")));
        }

        private ChainBuilder pay() {
            return exec(http(name + ": pay")
                    .post("/api/v1/payments")
                    .headers(FAN_WITH_TOKEN)
                    // subjects are short and of A-Za-z0-9-, as an Idempotency-Key must be; one payment per fan
                    .header("Idempotency-Key", "pay-#{subject}")
                    .body(StringBody("{\"reservationId\":#{reservationId}}")).asJson()
                    .check(status().is(201)));
        }

        PopulationBuilder population() {
            return scenario(name)
                    .exec(this::take)
                    .asLongAs(session -> session.contains("seatIds"))
                    .on(exitBlockOnFail().on(exec(hold()).exec(pay()).exec(this::paid)).exec(this::take))
                    .exec(this::done)
                    .injectOpen(atOnceUsers(clients));
        }

        String outcome() {
            if (prepared == null || endedAt.get() == NOT_YET) {
                return "no client ran";
            }
            double elapsed = (endedAt.get() - startedAt.get()) / 1e9;
            return "%d purchases in %.2f s: %.1f purchases/s (%d clients, %d seat(s) per hold, set-up %.1f s)"
                    .formatted(completed.get(), elapsed, elapsed > 0 ? completed.get() / elapsed : 0, clients,
                            seatsPerHold, setupSeconds);
        }
    }

    private final Loop warmUp = warmupPurchases > 0 ? new Loop("warm-up", warmupPurchases) : null;
    private final Loop measured = new Loop("purchase", purchases);

    @Override
    public void before() {
        if (clients < 1) {
            throw new IllegalArgumentException("-Dclients must be at least 1");
        }
        if (warmUp != null) {
            warmUp.prepare();
            System.out.printf("PurchaseSimulation: warm-up: %,d purchases ready in %.1f s%n",
                    warmUp.prepared.size(), warmUp.setupSeconds);
        }
        measured.prepare();
        System.out.printf("PurchaseSimulation: concert %d, schedules %s; %,d purchases of %d seat(s) ready in "
                        + "%.1f s; %d clients for %d s at most%n", measured.prepared.concertId(),
                measured.prepared.scheduleIds(), measured.prepared.size(), seatsPerHold, measured.setupSeconds,
                clients, duration.toSeconds());
    }

    @Override
    public void after() {
        if (warmUp != null) {
            System.out.println("PurchaseSimulation: warm-up: " + warmUp.outcome());
        }
        System.out.println("PurchaseSimulation: " + measured.outcome());
    }

    {
        setUp(warmUp == null ? measured.population() : warmUp.population().andThen(measured.population()))
                .protocols(LoadTestSettings.protocol())
                .assertions(
                        details(HOLD_NAME).failedRequests().percent().lte(maxFailedPercent),
                        details(PAY_NAME).failedRequests().percent().lte(maxFailedPercent),
                        details(PAY_NAME).successfulRequests().count().gt(0L));
    }
}
