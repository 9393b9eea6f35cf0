package com.concert.bootstrap.e2e;

import com.concert.bootstrap.ConcertServiceApplication;
import com.concert.bootstrap.support.Api;
import com.concert.bootstrap.support.Concerts;
import com.concert.bootstrap.support.ServiceIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A second service instance on the same PostgreSQL and Redis, as a load balancer would spread requests. */
class SecondInstanceIT extends ServiceIT {

    @Autowired
    Environment environment;

    private ConfigurableApplicationContext second;
    private Api secondApi;

    @BeforeEach
    void startSecondInstance() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--concert.admin.api-key=" + ADMIN_KEY));
        Stream.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                        "spring.liquibase.default-schema", "spring.data.redis.host", "spring.data.redis.port",
                        "spring.data.redis.database", "concert.redis.key-prefix", "concert.queue.admit-interval")
                .forEach(name -> arguments.add("--" + name + "=" + environment.getRequiredProperty(name)));
        second = new SpringApplicationBuilder(ConcertServiceApplication.class).run(arguments.toArray(String[]::new));
        secondApi = new Api("http://localhost:" + second.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @AfterEach
    void stopSecondInstance() {
        second.close();
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

    @Test
    void aConcertCreatedOnOneInstanceIsListedByTheOtherWithinASecond() {
        List<Long> before = listedBySecond();

        long created = Concerts.bookable(api, Instant.now(), 5).path("id").asLong();

        assertThat(before).doesNotContain(created);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(listedBySecond()).contains(created));
    }
}
