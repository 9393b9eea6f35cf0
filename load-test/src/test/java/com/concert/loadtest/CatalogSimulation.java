package com.concert.loadtest;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The original cache experiment 1: the concert list at 3,000 arrivals per second for 30 seconds over 1,000
 * concerts, each arrival reading one random page of 20, with {@code GET /actuator/health/liveness} at the same
 * rate in the same run as the yardstick. Creates the concerts through the admin API when fewer are listed.
 *
 * <pre>./mvnw -pl load-test gatling:test -Dgatling.simulationClass=com.concert.loadtest.CatalogSimulation</pre>
 */
public class CatalogSimulation extends Simulation {

    private static final int CONCERTS = 1_000;
    private static final int PAGE_SIZE = 20;

    private final double rate = LoadTestSettings.rate(3_000);
    private final Duration duration = LoadTestSettings.duration(Duration.ofSeconds(30));

    private final HttpProtocolBuilder protocol = LoadTestSettings.protocol();

    private final ScenarioBuilder concertList = scenario("concert list")
            .exec(http("GET /api/v1/concerts")
                    .get(session -> "/api/v1/concerts?size=" + PAGE_SIZE + "&page="
                            + ThreadLocalRandom.current().nextInt(CONCERTS / PAGE_SIZE))
                    .check(status().is(200)));

    private final ScenarioBuilder liveness = scenario("liveness")
            .exec(http("GET /actuator/health/liveness").get("/actuator/health/liveness").check(status().is(200)));

    @Override
    public void before() {
        int created = new AdminClient(LoadTestSettings.baseUrl(), LoadTestSettings.adminKey())
                .ensureBookableConcerts(LoadTestSettings.smoke() ? 20 : CONCERTS, 50);
        System.out.printf("CatalogSimulation: %d concerts created for the run, %.0f arrivals/s for %s%n",
                created, rate, duration);
    }

    {
        setUp(
                concertList.injectOpen(constantUsersPerSec(rate).during(duration)),
                liveness.injectOpen(constantUsersPerSec(rate).during(duration)))
                .protocols(protocol)
                .assertions(global().failedRequests().percent().lte(LoadTestSettings.maxFailedPercent()));
    }
}
