package com.concert.loadtest;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The original cache experiment 1, the concert list, in phases of one run:
 * <ol>
 *     <li>warm-up (not compared);</li>
 *     <li>capacity, one endpoint at a time, {@code -Dconcurrency} (64) keep-alive clients sending back to back for
 *     {@code -DphaseSeconds} (20): {@code GET /livez}, then the list with the cache, then,
 *     when {@code -DbaseUrlWithoutCache} names a second instance started with {@code concert.cache.enabled=false}
 *     on the same database, the list without it (the list needs no token);</li>
 *     <li>arrivals at the original rate: {@code -Drate} (3,000) requests per second for {@code -Dseconds} (30), each
 *     a random page of 20 of the 1,000 concerts, on the instance with the cache, carried by {@code -Dclients}
 *     (400) paced clients; errors here fail the run.</li>
 * </ol>
 * Creates the concerts through the admin API when fewer are listed, with an operator's token obtained in the set-up
 * (see {@link LoadTestSettings} for {@code -DtokenUrl}, {@code -DadminClient} or {@code -DjwtKey}).
 *
 * <pre>./mvnw -pl load-test gatling:test -Dgatling.simulationClass=com.concert.loadtest.CatalogSimulation \
 *     -DbaseUrl=http://127.0.0.1:8080 -DbaseUrlWithoutCache=http://127.0.0.1:8082</pre>
 */
public class CatalogSimulation extends Simulation {

    private static final int CONCERTS = 1_000;
    private static final int PAGE_SIZE = 20;

    private final int concurrency = Integer.getInteger("concurrency", 64);
    private final Duration phase = LoadTestSettings.smoke() ? Duration.ofSeconds(2)
            : Duration.ofSeconds(Long.getLong("phaseSeconds", 20));
    private final double rate = LoadTestSettings.rate(3_000);
    private final Duration arrivalsFor = LoadTestSettings.duration(Duration.ofSeconds(30));
    private final String withoutCache = System.getProperty("baseUrlWithoutCache", "");

    private static String randomPage(String base) {
        return base + "/api/v1/concerts?size=" + PAGE_SIZE + "&page="
                + ThreadLocalRandom.current().nextInt(CONCERTS / PAGE_SIZE);
    }

    private ScenarioBuilder capacity(String name, String base, String path) {
        return scenario(name).during(phase).on(exec(http(name)
                .get(session -> path == null ? randomPage(base) : base + path)
                .check(status().is(200))));
    }

    @Override
    public void before() {
        int created = new AdminClient(LoadTestSettings.baseUrl(), LoadTestSettings.tokens())
                .ensureBookableConcerts(LoadTestSettings.smoke() ? 20 : CONCERTS, 50);
        System.out.printf("CatalogSimulation: %d concerts created; capacity phases of %s with %d clients; "
                + "arrivals %.0f/s for %s; without cache: %s%n", created, phase, concurrency, rate, arrivalsFor,
                withoutCache.isEmpty() ? "not measured" : withoutCache);
    }

    {
        String base = LoadTestSettings.baseUrl();
        List<PopulationBuilder> phases = new ArrayList<>();
        phases.add(scenario("warm-up").during(phase).on(
                exec(http("warm-up: list").get(session -> randomPage(base)))
                        .exec(http("warm-up: liveness").get(base + "/livez")))
                .injectOpen(atOnceUsers(concurrency)));
        phases.add(capacity("capacity: liveness", base, "/livez").injectOpen(atOnceUsers(concurrency)));
        phases.add(capacity("capacity: list (cache)", base, null).injectOpen(atOnceUsers(concurrency)));
        if (!withoutCache.isEmpty()) {
            phases.add(capacity("capacity: list (no cache)", withoutCache, null).injectOpen(atOnceUsers(concurrency)));
        }
        phases.add(LoadTestSettings.arrivals("arrivals: list (cache)",
                exec(http("arrivals: list (cache)").get(session -> randomPage(base)).check(status().is(200))),
                rate, arrivalsFor));
        PopulationBuilder chain = phases.getLast();
        for (int i = phases.size() - 2; i >= 0; i--) {
            chain = phases.get(i).andThen(chain);
        }
        List<Assertion> assertions = List.of(
                details("capacity: list (cache)").failedRequests().percent().lte(LoadTestSettings.maxFailedPercent()),
                details("arrivals: list (cache)").failedRequests().percent().lte(LoadTestSettings.maxFailedPercent()));
        setUp(chain).protocols(LoadTestSettings.protocol()).assertions(assertions);
    }
}
