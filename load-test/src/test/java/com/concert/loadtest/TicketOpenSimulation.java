package com.concert.loadtest;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpDsl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import io.gatling.javaapi.core.PopulationBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The ticket open: {@code -Dfans} (20,000) fans go for the {@code -Dseats} (5,000) seats of one performance whose
 * booking is open. Each fan charges the price of {@code -DseatsPerFan} (1, at most 4) seats in points, enters the
 * waiting queue, polls its status every {@code -DpollMillis} (1,000) ms until admitted, reads the seat map, holds
 * that many random available seats (other ones after each {@code 409 SEAT_UNAVAILABLE}, at most
 * {@code -DmaxAttempts} (10) holds) and pays for them. With {@code -DchargeAtOpen=false} the wallets are charged in
 * the set-up instead, as by fans who topped up before the sale: the open is then the queue, the seat map, holds and
 * payments alone. A fan who finds no available seat has seen the performance sell out: from then on waiting fans
 * stop polling, and every fan without a hold leaves the queue. A fan also gives up after {@code -DmaxWaitSeconds}
 * (300) in line. The report shows each step ("ticket open: charge", "ticket open: hold", "ticket open: pay", ...),
 * and the run ends with a line saying how long the seats lasted (from the first fan's arrival, to within the seat
 * map's cache lag) and how many fans gave up waiting. Failed requests of any step, or of the whole run, above
 * {@code -DmaxFailedPercent} (1) fail the run; a {@code 409 SEAT_UNAVAILABLE} on a hold is the expected answer to
 * losing a race, not a failure.
 *
 * <p>The fans come through {@code -Dclients} (400) virtual users, each looping over new fans and starting one at
 * most every {@code clients / rate} seconds: together they bring {@code -Drate} (1,000) fans per second, all of
 * them within {@code fans / rate} seconds, as long as one fan's visit is shorter than {@code clients / rate}
 * seconds. An open model, one virtual user per fan, would be truer to a crowd, but every virtual user holds its
 * own connection and a fan sits in line polling for seconds to minutes: thousands of fans at once would be
 * thousands of sockets, which on this 2-core machine run out of file handles long before the service is saturated
 * (see {@link LoadTestSettings#protocol()}). The price of this closed model is that at most {@code clients} fans
 * are in the service at once, so the line never grows longer than that, and when visits are long (mostly the
 * wait for the next admission tick) fans arrive at {@code clients} divided by the visit time rather than at
 * {@code rate}; the report's request rates show what was reached. Raise {@code -Dclients} to push harder, as far
 * as the machine's file handles allow.
 *
 * <pre>./mvnw -pl load-test gatling:test -Dgatling.simulationClass=com.concert.loadtest.TicketOpenSimulation \
 *     -Dfans=20000 -Dseats=5000 -Drate=1000 -Dclients=400 -DmaxWaitSeconds=300 -DmaxAttempts=10</pre>
 * {@code -Dsmoke=true} sends 200 fans for 50 seats at 100 per second.
 *
 * <p>{@code -DwarmupFans=N} (0: none) first runs a sale of its own in the same JVM, N fans for
 * {@code -DwarmupSeats} (N / 4) seats of another performance, with the same rate and clients, its requests named
 * "warm-up: ..."; the measured sale starts once its last fan is done, and its clock at its first fan's arrival
 * (the line {@code TicketOpenSimulation: ticket open: the first fan arrives}). Both the service and this JVM have
 * then compiled their hot paths: a load generator in a JVM of its own per run spent a third of its CPU in its JIT
 * compiler during the sale (load-test/cpu-split.py), CPU that in a real sale sits in the fans' browsers.
 *
 * <p>Every fan is a subject of its own, new to the service, with a bearer token obtained in the set-up for all
 * {@code fans} of them before the first arrives (see {@link LoadTestSettings}: from the development identity
 * provider at {@code -DtokenUrl}, {@value Tokens#PARALLEL_REQUESTS} requests at a time, or signed here with
 * {@code -DjwtKey}, which spares the service's JVM the tokens the development identity provider would keep).
 */
public class TicketOpenSimulation extends Simulation {

    private static final Map<String, String> FAN_WITH_TOKEN = Map.of(
            "Authorization", FanPool.AUTHORIZATION,
            "X-Queue-Token", "#{token}");

    private static final int SEATS_PER_FAN = Integer.getInteger("seatsPerFan", 1);

    private static final String SEAT_ID = "{\"id\":";
    private static final String STATUS_FIELD = "\"status\":\"";
    private static final String NO_SEAT = "[]";

    /**
     * {@code count} ids picked at random, each AVAILABLE seat of the map as likely as any other (fans all taking
     * the lowest free numbers would collide on every hold), fewer when fewer are left, as a JSON array: {@code []}
     * when the map has no AVAILABLE seat. The seats are flat objects with the id first and the status last
     * ({@code {"id":7,"number":7,"grade":"R","price":100000,"status":"AVAILABLE"}}). One pass and {@code count}
     * kept ids (reservoir sampling) rather than a list of every available id: a list of 5,000 ids in each of
     * hundreds of waiting sessions was what the load generator's garbage collector spent its time copying.
     */
    static String pickAvailableSeats(String seatMap, int count, RandomGenerator random) {
        String[] picked = new String[count];
        int available = 0;
        // forward only: indexOf is a vectorised intrinsic, a backward search over Latin-1 is not
        for (int seat = seatMap.indexOf(SEAT_ID); seat >= 0; seat = seatMap.indexOf(SEAT_ID, seat + 1)) {
            int id = seat + SEAT_ID.length();
            int idEnd = seatMap.indexOf(',', id);
            int status = seatMap.indexOf(STATUS_FIELD, idEnd) + STATUS_FIELD.length();
            if (seatMap.startsWith("AVAILABLE\"", status)) {
                // the n-th available seat replaces a kept one with probability count / n
                int slot = available < count ? available : random.nextInt(available + 1);
                if (slot < count) {
                    picked[slot] = seatMap.substring(id, idEnd);
                }
                available++;
            }
            seat = status;
        }
        return Arrays.stream(picked, 0, Math.min(count, available)).collect(Collectors.joining(",", "[", "]"));
    }

    /** Clears what the client's previous fan left in the session. */
    private static Session clearFan(Session session) {
        return session.markAsSucceeded()
                .removeAll("token", "queueStatus", "seatIds", "reservationId", "seatsGone")
                .set("holds", 0);
    }

    private static boolean isActive(Session session) {
        return "ACTIVE".equals(session.getString("queueStatus"));
    }

    private static Session countHold(Session session) {
        return session.set("holds", session.getInt("holds") + 1);
    }

    /**
     * One sale: a performance whose booking is open, the fans who go for it and when its seats ran out. Its
     * requests are named after it ("ticket open: hold", "warm-up: hold").
     */
    private final class Sale {

        private final String name;
        private final int fans;
        private final int seats;
        private final AtomicInteger arrived = new AtomicInteger();
        /** When its first fan arrived and when a fan first found no available seat, epoch ms; 0 until then. */
        private final AtomicLong startedAt = new AtomicLong();
        private final AtomicLong soldOutAt = new AtomicLong();
        private final AtomicInteger gaveUp = new AtomicInteger();
        private final Iterator<Map<String, Object>> newFans = FanPool.feeder(() -> this.fanPool);
        /** Its fans, prepared in the set-up: subjects new per run, as fans of an earlier run may hold seats. */
        private volatile FanPool fanPool;
        private volatile long concertId;
        private volatile long scheduleId;

        Sale(String name, int fans, int seats) {
            this.name = name;
            this.fans = fans;
            this.seats = seats;
        }

        void prepare(Tokens tokens, String role) {
            fanPool = FanPool.prepare(tokens, role, fans);
            if (!chargeAtOpen) {
                PreparedPurchases.charge(LoadTestSettings.baseUrl(), fanPool,
                        (long) SEATS_PER_FAN * AdminClient.SEAT_PRICE);
            }
            AdminClient.CreatedConcert concert = new AdminClient(LoadTestSettings.baseUrl(), tokens)
                    .createConcert(name + " load test " + Instant.now(), seats);
            concertId = concert.id();
            scheduleId = concert.scheduleId();
        }

        private boolean soldOut() {
            return soldOutAt.get() != 0;
        }

        private Session startFan(Session session) {
            if (startedAt.get() == 0 && startedAt.compareAndSet(0, System.currentTimeMillis())) {
                System.out.printf("TicketOpenSimulation: %s: the first fan arrives%n", name);
            }
            return clearFan(session);
        }

        private Session noSeatLeft(Session session) {
            soldOutAt.compareAndSet(0, System.currentTimeMillis());
            return session.set("seatsGone", true);
        }

        private Session countGiveUp(Session session) {
            if (!soldOut()) {
                gaveUp.incrementAndGet();
            }
            return session;
        }

        private ChainBuilder charge() {
            return exec(http(name + ": charge")
                    .post("/api/v1/points/charge")
                    .header("Authorization", FanPool.AUTHORIZATION)
                    // subjects are short and of A-Za-z0-9-, as an Idempotency-Key must be
                    .header("Idempotency-Key", "charge-#{subject}")
                    .body(StringBody("{\"amount\":" + SEATS_PER_FAN * AdminClient.SEAT_PRICE + "}")).asJson()
                    .check(HttpDsl.status().is(200)));
        }

        private ChainBuilder enter() {
            return exec(http(name + ": enter")
                    .post(session -> "/api/v1/concerts/" + concertId + "/queue")
                    .header("Authorization", FanPool.AUTHORIZATION)
                    .check(HttpDsl.status().in(200, 201))
                    .check(jsonPath("$.token").saveAs("token"))
                    .check(jsonPath("$.status").saveAs("queueStatus")));
        }

        private ChainBuilder queueStatus() {
            return exec(http(name + ": status")
                    .get("/api/v1/queue/status")
                    .headers(FAN_WITH_TOKEN)
                    .check(HttpDsl.status().is(200))
                    .check(jsonPath("$.status").saveAs("queueStatus")));
        }

        private ChainBuilder seatMap() {
            return exec(session -> session.remove("seatIds"))
                    .exec(http(name + ": seat map")
                            .get(session -> "/api/v1/concerts/" + concertId + "/schedules/" + scheduleId + "/seats")
                            .headers(FAN_WITH_TOKEN)
                            // as a browser asks for it: the service keeps the map's gzip form next to its JSON
                            .header("Accept-Encoding", "gzip")
                            .check(HttpDsl.status().is(200))
                            // an empty pick is no error but the news that the performance is sold out. Found by a
                            // scan of the body rather than a JSON path or a regular expression: the same ids at a
                            // fraction of the load generator's CPU in a map of thousands of seats (a regular
                            // expression took 37 % of the generator's samples in a ticket open), CPU this machine's
                            // two cores would otherwise spend on the fans' side rather than the service's
                            .check(bodyString()
                                    .transform(map -> pickAvailableSeats(map, SEATS_PER_FAN,
                                            ThreadLocalRandom.current()))
                                    .saveAs("seatIds")));
        }

        private ChainBuilder hold() {
            return exec(http(name + ": hold")
                    .post("/api/v1/reservations")
                    .headers(FAN_WITH_TOKEN)
                    .body(StringBody(session ->
                            "{\"scheduleId\":" + scheduleId + ",\"seatIds\":" + session.getString("seatIds") + "}"))
                    .asJson()
                    .check(HttpDsl.status().in(201, 409))
                    .checkIf((response, session) -> response.status().code() == 201)
                    .then(jsonPath("$.id").ofLong().saveAs("reservationId"))
                    // losing the seat to a faster fan is the only conflict that belongs to the race
                    .checkIf((response, session) -> response.status().code() == 409)
                    .then(jsonPath("$.code").is("SEAT_UNAVAILABLE")));
        }

        private ChainBuilder pay() {
            return exec(http(name + ": pay")
                    .post("/api/v1/payments")
                    .headers(FAN_WITH_TOKEN)
                    .header("Idempotency-Key", "pay-#{reservationId}")
                    .body(StringBody("{\"reservationId\":#{reservationId}}")).asJson()
                    .check(HttpDsl.status().is(201)));
        }

        private ChainBuilder leave() {
            return exec(http(name + ": leave")
                    .delete("/api/v1/queue")
                    .headers(FAN_WITH_TOKEN)
                    .check(HttpDsl.status().is(204)));
        }

        /** Polls once a second until admitted, until the seats are gone, or for {@code maxWait} at most. */
        private ChainBuilder waitInLine() {
            return asLongAsDuring(session -> !isActive(session) && !soldOut(), maxWait)
                    .on(pause(pollEvery).exec(queueStatus()));
        }

        /**
         * Reads the seat map and holds random available seats, again after each lost race, until a hold
         * succeeds, no seat is left, or {@code maxAttempts} holds have failed.
         */
        private ChainBuilder holdASeat() {
            return asLongAs(session -> session.getInt("holds") < maxAttempts
                    && !session.contains("reservationId") && !session.contains("seatsGone"))
                    .on(exec(seatMap())
                            .doIfOrElse(session -> !NO_SEAT.equals(session.getString("seatIds")))
                            .then(exec(TicketOpenSimulation::countHold).exec(hold()))
                            .orElse(exec(this::noSeatLeft)));
        }

        /** One fan's visit. Paying ends the fan's token; a fan who does not pay gives its place in line back. */
        private ChainBuilder visit() {
            // a failed request ends this fan's visit, and the client goes on with the next fan
            ChainBuilder arrive = chargeAtOpen ? exec(charge()).exec(enter()) : exec(enter());
            return exitBlockOnFail().on(arrive.exec(waitInLine())
                    .doIfOrElse(TicketOpenSimulation::isActive)
                    .then(exec(holdASeat())
                            .doIfOrElse(session -> session.contains("reservationId")).then(pay()).orElse(leave()))
                    .orElse(exec(this::countGiveUp).exec(leave())));
        }

        /** {@code clients} virtual users bringing the sale's fans at {@code rate}. */
        PopulationBuilder population() {
            Duration pace = Duration.ofNanos((long) (clients * 1e9 / rate));
            ScenarioBuilder sale = scenario(name)
                    // evaluated once per iteration (the loop does not exit as soon as possible): each true answer
                    // hands this client one of the fans, so that all clients together bring exactly `fans`
                    .asLongAs(session -> arrived.getAndIncrement() < fans)
                    .on(pace(pace).feed(newFans).exec(this::startFan).exec(visit()));
            // clients start spread over one pace, so that the first fans too arrive at `rate` rather than all at
            // once; Gatling refuses to start a ramp shorter than a second, so it lasts one second at least
            Duration ramp = pace.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : pace;
            return sale.injectOpen(rampUsers(Math.min(clients, fans)).during(ramp));
        }

        String outcome() {
            long soldOut = soldOutAt.get();
            return soldOut == 0 ? "not sold out"
                    : "sold out after %.1f s".formatted((soldOut - startedAt.get()) / 1000.0);
        }
    }

    private final int seats = LoadTestSettings.smoke() ? 50 : Integer.getInteger("seats", 5_000);
    private final int fans = LoadTestSettings.smoke() ? 200 : Integer.getInteger("fans", 20_000);
    private final int warmupFans = Integer.getInteger("warmupFans", 0);
    private final int warmupSeats = Integer.getInteger("warmupSeats", Math.max(1, warmupFans / 4));
    private final double rate = LoadTestSettings.rate(1_000);
    private final int clients = LoadTestSettings.clients();
    private final Duration maxWait = Duration.ofSeconds(Long.getLong("maxWaitSeconds", 300));
    private final int maxAttempts = Integer.getInteger("maxAttempts", 10);
    private final Duration pollEvery = Duration.ofMillis(Long.getLong("pollMillis", 1_000));
    private final boolean chargeAtOpen = Boolean.parseBoolean(System.getProperty("chargeAtOpen", "true"));

    private final Sale warmUp = warmupFans > 0 ? new Sale("warm-up", warmupFans, warmupSeats) : null;
    private final Sale ticketOpen = new Sale("ticket open", fans, seats);

    @Override
    public void before() {
        Tokens tokens = LoadTestSettings.tokens();
        if (SEATS_PER_FAN < 1 || SEATS_PER_FAN > 4) {
            throw new IllegalArgumentException("a fan holds 1 to 4 seats, not " + SEATS_PER_FAN);
        }
        if (warmUp != null) {
            warmUp.prepare(tokens, "warmup");
            System.out.printf("TicketOpenSimulation: warm-up: concert %d, schedule %d with %d seats; %d fans%n",
                    warmUp.concertId, warmUp.scheduleId, warmupSeats, warmupFans);
        }
        ticketOpen.prepare(tokens, "ticket");
        System.out.printf("TicketOpenSimulation: concert %d, schedule %d with %d seats; %d fans at up to %.0f/s "
                + "through %d clients, %d seat(s) each, wallets charged %s%n", ticketOpen.concertId,
                ticketOpen.scheduleId, seats, fans, rate, Math.min(clients, fans), SEATS_PER_FAN,
                chargeAtOpen ? "on arrival" : "before the open");
    }

    @Override
    public void after() {
        if (warmUp != null) {
            System.out.printf("TicketOpenSimulation: warm-up: %s; %d fans gave up waiting in line%n",
                    warmUp.outcome(), warmUp.gaveUp.get());
        }
        System.out.printf("TicketOpenSimulation: %s; %d fans gave up waiting in line%n", ticketOpen.outcome(),
                ticketOpen.gaveUp.get());
    }

    /**
     * Failed requests of each step of the measured sale at most {@code maxFailedPercent}, and of the whole run when
     * there is no warm-up: a warm-up against a cold service may have requests that waited too long for a
     * connection, and taking that wait out of the measured sale is what it is for. Only the steps the sale takes:
     * a charge when fans charge at the open, a leave when there are more fans than seats.
     */
    private List<Assertion> assertions(double maxFailedPercent) {
        List<String> steps = new ArrayList<>(List.of("enter", "status", "seat map", "hold", "pay"));
        if (chargeAtOpen) {
            steps.add("charge");
        }
        if ((long) fans * SEATS_PER_FAN > seats) {
            steps.add("leave");
        }
        List<Assertion> assertions = new ArrayList<>(steps.stream()
                .map(step -> details("ticket open: " + step).failedRequests().percent().lte(maxFailedPercent))
                .toList());
        if (warmUp == null) {
            assertions.add(global().failedRequests().percent().lte(maxFailedPercent));
        }
        return assertions;
    }

    {
        PopulationBuilder sales = warmUp == null ? ticketOpen.population()
                : warmUp.population().andThen(ticketOpen.population());
        setUp(sales)
                .protocols(LoadTestSettings.protocol())
                .assertions(assertions(LoadTestSettings.maxFailedPercent()));
    }
}
