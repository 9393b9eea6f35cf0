package com.concert.loadtest;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

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
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The ticket open: {@code -Dfans} (20,000) fans go for the {@code -Dseats} (5,000) seats of one performance whose
 * booking is open. Each fan charges the price of {@code -DseatsPerFan} (1, at most 4) seats in points, enters the
 * waiting queue, polls its status every second until admitted, reads the seat map, holds that many random
 * available seats (other ones after each {@code 409 SEAT_UNAVAILABLE}, at most {@code -DmaxAttempts} (10) holds)
 * and pays for them. With {@code -DchargeAtOpen=false} the wallets are charged in the set-up instead, as by fans who
 * topped up before the sale: the open is then the queue, the seat map, holds and payments alone. A fan who finds no
 * available seat has seen the performance sell out: from then on waiting fans stop polling, and every fan without
 * a hold leaves the queue. A fan also gives up after {@code -DmaxWaitSeconds} (300) in line. The report shows each
 * step ("ticket open: charge", "ticket open: hold", "ticket open: pay", ...), and the run ends with a line saying
 * how long the seats lasted (to within the seat map's cache lag of 1 s) and how many fans gave up waiting.
 * Failed holds or payments above {@code -DmaxFailedPercent} fail the run; a {@code 409 SEAT_UNAVAILABLE} on a
 * hold is the expected answer to losing a race, not a failure.
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
 * <p>Every fan is a subject of its own, new to the service, with a bearer token obtained in the set-up for all
 * {@code fans} of them before the first arrives (see {@link LoadTestSettings}: from the development identity
 * provider at {@code -DtokenUrl}, {@value Tokens#PARALLEL_REQUESTS} requests at a time, or signed here with
 * {@code -DjwtKey}, which spares the service's JVM the tokens the development identity provider would keep).
 */
public class TicketOpenSimulation extends Simulation {

    /** When a fan first found no available seat, in epoch milliseconds; 0 while there are seats. */
    private static final AtomicLong SOLD_OUT_AT = new AtomicLong();
    private static final AtomicInteger GAVE_UP = new AtomicInteger();

    private static volatile long concertId;
    private static volatile long scheduleId;
    private static volatile long startedAt;
    /**
     * Every fan of the run, prepared in the set-up; subjects are new per run, since fans of an earlier run against
     * the same database already hold seats.
     */
    private static volatile FanPool newFanPool;

    private static final Map<String, String> FAN_WITH_TOKEN = Map.of(
            "Authorization", FanPool.AUTHORIZATION,
            "X-Queue-Token", "#{token}");

    private static final int SEATS_PER_FAN = Integer.getInteger("seatsPerFan", 1);

    private static final ChainBuilder CHARGE = exec(http("ticket open: charge")
            .post("/api/v1/points/charge")
            .header("Authorization", FanPool.AUTHORIZATION)
            // subjects are short and of A-Za-z0-9-, as an Idempotency-Key must be
            .header("Idempotency-Key", "charge-#{subject}")
            .body(StringBody("{\"amount\":" + SEATS_PER_FAN * AdminClient.SEAT_PRICE + "}")).asJson()
            .check(status().is(200)));

    private static final ChainBuilder ENTER = exec(http("ticket open: enter")
            .post(session -> "/api/v1/concerts/" + concertId + "/queue")
            .header("Authorization", FanPool.AUTHORIZATION)
            .check(status().in(200, 201))
            .check(jsonPath("$.token").saveAs("token"))
            .check(jsonPath("$.status").saveAs("queueStatus")));

    private static final ChainBuilder STATUS = exec(http("ticket open: status")
            .get("/api/v1/queue/status")
            .headers(FAN_WITH_TOKEN)
            .check(status().is(200))
            .check(jsonPath("$.status").saveAs("queueStatus")));

    private static final String SEAT_ID = "{\"id\":";
    private static final String STATUS_FIELD = "\"status\":\"";

    /**
     * The ids of a seat map's AVAILABLE seats, in the map's order: the seats are flat objects with the id first
     * and the status last ({@code {"id":7,"number":7,"grade":"R","price":100000,"status":"AVAILABLE"}}).
     */
    static List<String> availableSeatIds(String seatMap) {
        // forward only: indexOf is a vectorised intrinsic, a backward search over Latin-1 is not
        List<String> ids = new ArrayList<>();
        for (int seat = seatMap.indexOf(SEAT_ID); seat >= 0; seat = seatMap.indexOf(SEAT_ID, seat + 1)) {
            int id = seat + SEAT_ID.length();
            int idEnd = seatMap.indexOf(',', id);
            int status = seatMap.indexOf(STATUS_FIELD, idEnd) + STATUS_FIELD.length();
            if (seatMap.startsWith("AVAILABLE\"", status)) {
                ids.add(seatMap.substring(id, idEnd));
            }
            seat = status;
        }
        return ids;
    }

    private static final ChainBuilder SEAT_MAP = exec(session -> session.remove("availableSeats"))
            .exec(http("ticket open: seat map")
                    .get(session -> "/api/v1/concerts/" + concertId + "/schedules/" + scheduleId + "/seats")
                    .headers(FAN_WITH_TOKEN)
                    .check(status().is(200))
                    // an empty list is no error but the news that the performance is sold out. Found by a scan of
                    // the body rather than a JSON path or a regular expression: the same ids at a fraction of the
                    // load generator's CPU in a map of thousands of seats (a regular expression took 37 % of the
                    // generator's samples in a ticket open), CPU this machine's two cores would otherwise spend
                    // on the fans' side rather than the service's
                    .check(bodyString().transform(TicketOpenSimulation::availableSeatIds).saveAs("availableSeats")));

    private static final ChainBuilder HOLD = exec(http("ticket open: hold")
            .post("/api/v1/reservations")
            .headers(FAN_WITH_TOKEN)
            .body(StringBody(session ->
                    "{\"scheduleId\":" + scheduleId + ",\"seatIds\":" + session.getString("seatIds") + "}")).asJson()
            .check(status().in(201, 409))
            .checkIf((response, session) -> response.status().code() == 201)
            .then(jsonPath("$.id").ofLong().saveAs("reservationId"))
            // losing the seat to a faster fan is the only conflict that belongs to the race
            .checkIf((response, session) -> response.status().code() == 409)
            .then(jsonPath("$.code").is("SEAT_UNAVAILABLE")));

    private static final ChainBuilder PAY = exec(http("ticket open: pay")
            .post("/api/v1/payments")
            .headers(FAN_WITH_TOKEN)
            .header("Idempotency-Key", "pay-#{reservationId}")
            .body(StringBody("{\"reservationId\":#{reservationId}}")).asJson()
            .check(status().is(201)));

    private static final ChainBuilder LEAVE = exec(http("ticket open: leave")
            .delete("/api/v1/queue")
            .headers(FAN_WITH_TOKEN)
            .check(status().is(204)));

    private final int seats = LoadTestSettings.smoke() ? 50 : Integer.getInteger("seats", 5_000);
    private final int fans = LoadTestSettings.smoke() ? 200 : Integer.getInteger("fans", 20_000);
    private final double rate = LoadTestSettings.rate(1_000);
    private final int clients = Math.min(LoadTestSettings.clients(), fans);
    private final Duration maxWait = Duration.ofSeconds(Long.getLong("maxWaitSeconds", 300));
    private final int maxAttempts = Integer.getInteger("maxAttempts", 10);
    private final boolean chargeAtOpen = Boolean.parseBoolean(System.getProperty("chargeAtOpen", "true"));

    private final AtomicInteger arrived = new AtomicInteger();
    private final Iterator<Map<String, Object>> newFans = FanPool.feeder(() -> newFanPool);

    /** Clears what the client's previous fan left in the session. */
    private static Session startFan(Session session) {
        return session.markAsSucceeded()
                .removeAll("token", "queueStatus", "availableSeats", "seatIds", "reservationId", "seatsGone")
                .set("holds", 0);
    }

    private static boolean isActive(Session session) {
        return "ACTIVE".equals(session.getString("queueStatus"));
    }

    private static boolean soldOut() {
        return SOLD_OUT_AT.get() != 0;
    }

    /**
     * {@code seatsPerFan} random seats rather than the first ones (fans all taking the lowest free numbers would
     * collide on every hold), fewer when fewer are left; as a JSON array.
     */
    private static Session pickSeats(Session session) {
        List<String> available = new ArrayList<>(session.<String>getList("availableSeats"));
        Collections.shuffle(available, ThreadLocalRandom.current());
        String seatIds = available.subList(0, Math.min(SEATS_PER_FAN, available.size())).stream()
                .collect(Collectors.joining(",", "[", "]"));
        return session.set("seatIds", seatIds).set("holds", session.getInt("holds") + 1);
    }

    private static Session noSeatLeft(Session session) {
        SOLD_OUT_AT.compareAndSet(0, System.currentTimeMillis());
        return session.set("seatsGone", true);
    }

    private static Session countGiveUp(Session session) {
        if (!soldOut()) {
            GAVE_UP.incrementAndGet();
        }
        return session;
    }

    /** Polls once a second until admitted, until the seats are gone, or for {@code maxWait} at most. */
    private ChainBuilder waitInLine() {
        return asLongAsDuring(session -> !isActive(session) && !soldOut(), maxWait)
                .on(pause(Duration.ofSeconds(1)).exec(STATUS));
    }

    /**
     * Reads the seat map and holds a random available seat, again after each lost race, until a hold succeeds,
     * no seat is left, or {@code maxAttempts} holds have failed.
     */
    private ChainBuilder holdASeat() {
        return asLongAs(session -> session.getInt("holds") < maxAttempts
                && !session.contains("reservationId") && !session.contains("seatsGone"))
                .on(exec(SEAT_MAP)
                        .doIfOrElse(session -> !session.<String>getList("availableSeats").isEmpty())
                        .then(exec(TicketOpenSimulation::pickSeats).exec(HOLD))
                        .orElse(exec(TicketOpenSimulation::noSeatLeft)));
    }

    /** One fan's visit. Paying ends the fan's token; a fan who does not pay gives its place in line back. */
    private ChainBuilder visit() {
        // a failed request ends this fan's visit, and the client goes on with the next fan
        ChainBuilder arrive = chargeAtOpen ? exec(CHARGE).exec(ENTER) : exec(ENTER);
        return exitBlockOnFail().on(arrive.exec(waitInLine())
                .doIfOrElse(TicketOpenSimulation::isActive)
                .then(exec(holdASeat())
                        .doIfOrElse(session -> session.contains("reservationId")).then(PAY).orElse(LEAVE))
                .orElse(exec(TicketOpenSimulation::countGiveUp).exec(LEAVE)));
    }

    @Override
    public void before() {
        Tokens tokens = LoadTestSettings.tokens();
        if (SEATS_PER_FAN < 1 || SEATS_PER_FAN > 4) {
            throw new IllegalArgumentException("a fan holds 1 to 4 seats, not " + SEATS_PER_FAN);
        }
        newFanPool = FanPool.prepare(tokens, "ticket", fans);
        if (!chargeAtOpen) {
            PreparedPurchases.charge(LoadTestSettings.baseUrl(), newFanPool,
                    (long) SEATS_PER_FAN * AdminClient.SEAT_PRICE);
        }
        AdminClient.CreatedConcert concert = new AdminClient(LoadTestSettings.baseUrl(), tokens)
                .createConcert("Ticket open load test " + Instant.now(), seats);
        concertId = concert.id();
        scheduleId = concert.scheduleId();
        System.out.printf("TicketOpenSimulation: concert %d, schedule %d with %d seats; %d fans at up to %.0f/s "
                + "through %d clients, %d seat(s) each, wallets charged %s%n", concertId, scheduleId, seats, fans, rate,
                clients, SEATS_PER_FAN, chargeAtOpen ? "on arrival" : "before the open");
        // the first requests follow within moments, once Gatling starts injecting
        startedAt = System.currentTimeMillis();
    }

    @Override
    public void after() {
        long soldOutAt = SOLD_OUT_AT.get();
        System.out.printf("TicketOpenSimulation: %s; %d fans gave up waiting in line%n",
                soldOutAt == 0 ? "not sold out" : "sold out after %.1f s".formatted((soldOutAt - startedAt) / 1000.0),
                GAVE_UP.get());
    }

    {
        Duration pace = Duration.ofNanos((long) (clients * 1e9 / rate));
        double maxFailedPercent = LoadTestSettings.maxFailedPercent();
        ScenarioBuilder ticketOpen = scenario("ticket open")
                // evaluated once per iteration (the loop does not exit as soon as possible): each true answer hands
                // this client one of the fans, so that all clients together bring exactly `fans`
                .asLongAs(session -> arrived.getAndIncrement() < fans)
                .on(pace(pace).feed(newFans).exec(TicketOpenSimulation::startFan).exec(visit()));
        // clients start spread over one pace, so that the first fans too arrive at `rate` rather than all at once;
        // Gatling refuses to start a ramp shorter than a second, so it lasts one second at least
        Duration ramp = pace.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : pace;
        setUp(ticketOpen.injectOpen(rampUsers(clients).during(ramp)))
                .protocols(LoadTestSettings.protocol())
                .assertions(
                        details("ticket open: hold").failedRequests().percent().lte(maxFailedPercent),
                        details("ticket open: pay").failedRequests().percent().lte(maxFailedPercent),
                        global().failedRequests().percent().lte(maxFailedPercent));
    }
}
