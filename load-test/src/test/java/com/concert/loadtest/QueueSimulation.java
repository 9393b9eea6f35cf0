package com.concert.loadtest;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The waiting queue under load, in phases of one run so that every figure shares the same machine state:
 * <ol>
 *     <li>warm-up (not counted in the comparison);</li>
 *     <li>capacity, one endpoint at a time, {@code -Dconcurrency} (64) clients each sending back to back for
 *     {@code -DphaseSeconds} (20): {@code GET /livez}, then queue entry (each request a new
 *     user until the capacity pool below comes round), then status polling (each client polling its own token);</li>
 *     <li>arrivals at the original design's rate, {@code -Drate} (3,000) new users per second for
 *     {@code -Dseconds} (30), each entering and polling once; carried by {@code -Dclients} (400) connections,
 *     each paced to start a new fan every {@code clients / rate} seconds; errors here fail the run;</li>
 *     <li>beyond: twice that rate for half as long, reported but not asserted.</li>
 * </ol>
 * {@code -Dphases=capacity,arrivals,beyond} picks phases (all by default). Throughput per capacity phase is its request count divided by the phase length (see docs/benchmarks.md).
 *
 * <p>Fans are subjects with bearer tokens obtained in the set-up, never during the load (see
 * {@link LoadTestSettings}: from the development identity provider at {@code -DtokenUrl}, or signed here with
 * {@code -DjwtKey}), in two pools that the phases take in turn:
 * <ul>
 *     <li>{@code -DcapacityFans} (10,000, at least {@code concurrency}) for the warm-up and the capacity phases,
 *     which send back to back and would want far more (some 130,000 entries in 20 s): once the pool comes round,
 *     an entry is a fan already in line, answered 200 with its place instead of 201;</li>
 *     <li>{@code -Dfans} (rate x seconds, at most {@value #MAX_ARRIVING_FANS}: 40,000 with the defaults, which ask
 *     for 90,000) for arrivals and then beyond, so that the asserted phase's first 40,000 arrivals are fans the
 *     service has never seen; later ones re-enter in the same way.</li>
 * </ul>
 * The two together stay within the 50,000 verified tokens the service keeps by default
 * ({@code concert.security.verified-tokens}), and within what the development identity provider, which keeps every
 * token it issues in the service's JVM, should be asked for; {@code -DjwtKey} asks nothing of it.
 *
 * <pre>./mvnw -pl load-test gatling:test -Dgatling.simulationClass=com.concert.loadtest.QueueSimulation</pre>
 */
public class QueueSimulation extends Simulation {

    /** Arriving fans prepared at most by default; see the class comment. */
    private static final int MAX_ARRIVING_FANS = 40_000;

    private static volatile long concertId;

    private final int concurrency = Integer.getInteger("concurrency", 64);
    private final Duration phase = LoadTestSettings.smoke() ? Duration.ofSeconds(2)
            : Duration.ofSeconds(Long.getLong("phaseSeconds", 20));
    private final double rate = LoadTestSettings.rate(3_000);
    private final Duration arrivalsFor = LoadTestSettings.duration(Duration.ofSeconds(30));

    private final int capacityFanCount =
            Math.max(concurrency, Integer.getInteger("capacityFans", LoadTestSettings.smoke() ? 200 : 10_000));
    private final int arrivingFanCount =
            Integer.getInteger("fans", (int) Math.min(rate * arrivalsFor.toSeconds(), MAX_ARRIVING_FANS));
    private final Set<String> selected = Set.of(System.getProperty("phases", "capacity,arrivals,beyond").split(","));

    private volatile FanPool capacityFans;
    private volatile FanPool arrivingFans;
    private final Iterator<Map<String, Object>> users = FanPool.feeder(() -> capacityFans);
    private final Iterator<Map<String, Object>> arrivingUsers = FanPool.feeder(() -> arrivingFans);

    private final HttpProtocolBuilder protocol = LoadTestSettings.protocol();

    private static ChainBuilder enter(String name) {
        return exec(http(name)
                .post(session -> "/api/v1/concerts/" + concertId + "/queue")
                .header("Authorization", FanPool.AUTHORIZATION)
                .check(status().in(200, 201))
                .check(jsonPath("$.token").saveAs("token")));
    }

    private static ChainBuilder poll(String name) {
        return exec(http(name)
                .get("/api/v1/queue/status")
                .header("Authorization", FanPool.AUTHORIZATION)
                .header("X-Queue-Token", "#{token}")
                .check(status().is(200)));
    }

    private final ScenarioBuilder warmUp = scenario("warm-up")
            .during(phase).on(feed(users).exec(enter("warm-up: enter")).exec(poll("warm-up: status"))
                    .exec(http("warm-up: liveness").get("/livez")));

    private final ScenarioBuilder livenessCapacity = scenario("capacity: liveness")
            .during(phase).on(exec(http("capacity: liveness").get("/livez").check(status().is(200))));

    private final ScenarioBuilder entryCapacity = scenario("capacity: enter")
            .during(phase).on(feed(users).exec(enter("capacity: enter")));

    private final ScenarioBuilder statusCapacity = scenario("capacity: status")
            .feed(users).exec(enter("capacity: status setup"))
            .during(phase).on(poll("capacity: status"));

    /** A new fan: enter, then poll once, as a waiting page would. */
    private ChainBuilder arrival(String name) {
        return feed(arrivingUsers).exec(enter(name + ": enter")).exec(poll(name + ": status"));
    }

    @Override
    public void before() {
        Tokens tokens = LoadTestSettings.tokens();
        capacityFans = FanPool.prepare(tokens, "capacity", capacityFanCount);
        if (selected.contains("arrivals") || selected.contains("beyond")) {
            arrivingFans = FanPool.prepare(tokens, "arriving", arrivingFanCount);
        }
        concertId = new AdminClient(LoadTestSettings.baseUrl(), tokens).createBookableConcert(
                "Queue load test " + Instant.now(), 50);
        System.out.printf("QueueSimulation: concert %d; capacity phases of %s with %d clients, %d fans; arrivals "
                + "%.0f/s for %s, %s fans%n", concertId, phase, concurrency, capacityFans.size(), rate, arrivalsFor,
                arrivingFans == null ? "no" : "%d".formatted(arrivingFans.size()));
    }

    {
        List<PopulationBuilder> phases = new ArrayList<>();
        phases.add(warmUp.injectOpen(atOnceUsers(concurrency)));
        if (selected.contains("capacity")) {
            phases.add(livenessCapacity.injectOpen(atOnceUsers(concurrency)));
            phases.add(entryCapacity.injectOpen(atOnceUsers(concurrency)));
            phases.add(statusCapacity.injectOpen(atOnceUsers(concurrency)));
        }
        if (selected.contains("arrivals")) {
            phases.add(LoadTestSettings.arrivals("arrivals", arrival("arrivals"), rate, arrivalsFor));
        }
        if (selected.contains("beyond")) {
            phases.add(LoadTestSettings.arrivals("beyond", arrival("beyond"), 2 * rate, arrivalsFor.dividedBy(2)));
        }
        PopulationBuilder chain = phases.getLast();
        for (int i = phases.size() - 2; i >= 0; i--) {
            chain = phases.get(i).andThen(chain);
        }
        List<Assertion> assertions = new ArrayList<>();
        for (String request : List.of("capacity: enter", "capacity: status", "arrivals: enter", "arrivals: status")) {
            if (selected.contains(request.substring(0, request.indexOf(':')))) {
                assertions.add(details(request).failedRequests().percent().lte(LoadTestSettings.maxFailedPercent()));
            }
        }
        setUp(chain).protocols(protocol).assertions(assertions);
    }
}
