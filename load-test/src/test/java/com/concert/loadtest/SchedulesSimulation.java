package com.concert.loadtest;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The original cache experiment 2, a concert's dates (here its bookable schedules, behind the queue), and the
 * seat map, in phases of one run. {@code -Dfans} (200) fans are admitted to one concert with one performance of
 * {@code -Dseats} (50, as in the contract's examples) seats before the load starts, each a subject of its own with
 * its bearer token (obtained in the set-up, see {@link LoadTestSettings} for {@code -DtokenUrl} or {@code -DjwtKey});
 * every request carries one fan's bearer and queue tokens.
 * <ol>
 *     <li>warm-up (not compared);</li>
 *     <li>capacity, one endpoint at a time, {@code -Dconcurrency} (64) keep-alive clients sending back to back for
 *     {@code -DphaseSeconds} (20): {@code GET /livez}, the schedules and the seat map with the
 *     cache, and, when {@code -DbaseUrlWithoutCache} names a second instance started with
 *     {@code concert.cache.enabled=false} on the same database and Redis (and trusting the same tokens), both
 *     without it;</li>
 *     <li>arrivals at the original rate: {@code -Drate} (4,000) schedule reads per second for {@code -Dseconds}
 *     (30), on the instance with the cache, carried by {@code -Dclients} (400) paced clients; errors fail the run.</li>
 * </ol>
 *
 * <pre>./mvnw -pl load-test gatling:test -Dgatling.simulationClass=com.concert.loadtest.SchedulesSimulation \
 *     -DbaseUrl=http://127.0.0.1:8080 -DbaseUrlWithoutCache=http://127.0.0.1:8082</pre>
 */
public class SchedulesSimulation extends Simulation {

    private static volatile long concertId;
    private static volatile long scheduleId;
    private static volatile List<ActiveFans.Fan> fans = List.of();

    private final int concurrency = Integer.getInteger("concurrency", 64);
    private final Duration phase = LoadTestSettings.smoke() ? Duration.ofSeconds(2)
            : Duration.ofSeconds(Long.getLong("phaseSeconds", 20));
    private final double rate = LoadTestSettings.rate(4_000);
    private final Duration arrivalsFor = LoadTestSettings.duration(Duration.ofSeconds(30));
    private final int fanCount = LoadTestSettings.smoke() ? 10 : Integer.getInteger("fans", 200);
    private final int seats = Integer.getInteger("seats", 50);
    private final String withoutCache = System.getProperty("baseUrlWithoutCache", "");

    /** The admitted fans in turn, forever. */
    private final Iterator<Map<String, Object>> admitted = Stream.iterate(0, i -> i + 1)
            .map(i -> {
                ActiveFans.Fan fan = fans.get(i % fans.size());
                return Map.<String, Object>of("subject", fan.subject(), "bearer", fan.bearer(), "token", fan.token());
            })
            .iterator();

    private ScenarioBuilder capacity(String name, String base, boolean seatMap) {
        return scenario(name).during(phase).on(feed(admitted).exec(read(name, base, seatMap)));
    }

    private static io.gatling.javaapi.http.HttpRequestActionBuilder read(String name, String base, boolean seatMap) {
        return http(name)
                .get(session -> base + "/api/v1/concerts/" + concertId + "/schedules"
                        + (seatMap ? "/" + scheduleId + "/seats" : ""))
                .header("Authorization", FanPool.AUTHORIZATION)
                .header("X-Queue-Token", "#{token}")
                .check(status().is(200));
    }

    @Override
    public void before() {
        Tokens tokens = LoadTestSettings.tokens();
        AdminClient admin = new AdminClient(LoadTestSettings.baseUrl(), tokens);
        AdminClient.CreatedConcert concert = admin.createConcert("Schedules load test " + Instant.now(), seats);
        concertId = concert.id();
        scheduleId = concert.scheduleId();
        fans = ActiveFans.admit(LoadTestSettings.baseUrl(), tokens, concertId, fanCount, Duration.ofSeconds(60));
        System.out.printf("SchedulesSimulation: concert %d, %d fans admitted; capacity phases of %s with %d clients; "
                + "arrivals %.0f/s for %s; without cache: %s%n", concertId, fans.size(), phase, concurrency, rate,
                arrivalsFor, withoutCache.isEmpty() ? "not measured" : withoutCache);
    }

    {
        String base = LoadTestSettings.baseUrl();
        List<PopulationBuilder> phases = new ArrayList<>();
        phases.add(scenario("warm-up").during(phase).on(feed(admitted)
                        .exec(read("warm-up: schedules", base, false))
                        .exec(read("warm-up: seat map", base, true))
                        .exec(http("warm-up: liveness").get(base + "/livez")))
                .injectOpen(atOnceUsers(concurrency)));
        phases.add(scenario("capacity: liveness").during(phase)
                .on(exec(http("capacity: liveness").get(base + "/livez").check(status().is(200))))
                .injectOpen(atOnceUsers(concurrency)));
        phases.add(capacity("capacity: schedules (cache)", base, false).injectOpen(atOnceUsers(concurrency)));
        phases.add(capacity("capacity: seat map (cache)", base, true).injectOpen(atOnceUsers(concurrency)));
        if (!withoutCache.isEmpty()) {
            phases.add(capacity("capacity: schedules (no cache)", withoutCache, false).injectOpen(atOnceUsers(concurrency)));
            phases.add(capacity("capacity: seat map (no cache)", withoutCache, true).injectOpen(atOnceUsers(concurrency)));
        }
        phases.add(LoadTestSettings.arrivals("arrivals: schedules (cache)",
                feed(admitted).exec(read("arrivals: schedules (cache)", base, false)), rate, arrivalsFor));
        PopulationBuilder chain = phases.getLast();
        for (int i = phases.size() - 2; i >= 0; i--) {
            chain = phases.get(i).andThen(chain);
        }
        setUp(chain).protocols(LoadTestSettings.protocol()).assertions(
                details("capacity: schedules (cache)").failedRequests().percent().lte(LoadTestSettings.maxFailedPercent()),
                details("capacity: seat map (cache)").failedRequests().percent().lte(LoadTestSettings.maxFailedPercent()),
                details("arrivals: schedules (cache)").failedRequests().percent().lte(LoadTestSettings.maxFailedPercent()));
    }
}
