package com.concert.bootstrap.e2e;

import com.concert.bootstrap.support.Api.Reply;
import com.concert.bootstrap.support.ServiceIT;
import com.concert.bootstrap.support.TestIssuer;
import com.concert.domain.testing.ConcertFixture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog as a front end and an operator use it, and the error model every endpoint shares. */
class CatalogApiIT extends ServiceIT {

    private static final Duration DAY = Duration.ofDays(1);
    private static final String PROBLEM_JSON = "application/problem+json";

    private static Map<String, Object> concertBody(String title, Instant performanceAt, Instant opensAt) {
        Map<String, Object> schedule = new java.util.LinkedHashMap<>();
        schedule.put("performanceAt", performanceAt.toString());
        if (opensAt != null) {
            schedule.put("bookingOpensAt", opensAt.toString());
        }
        schedule.put("sections", List.of(
                Map.of("grade", "VIP", "price", 150_000, "seats", 20),
                Map.of("grade", "R", "price", 110_000, "seats", 30)));
        return Map.of("title", title, "venue", "KSPO Dome", "schedules", List.of(schedule));
    }

    private Reply create(Map<String, Object> body) {
        return api.post("/api/v1/admin/concerts", body).asAdmin().send();
    }

    @Test
    void anOperatorCreatesAConcert_andFansSeeItListedWhileItsBookingIsOpen() {
        Instant era = ConcertFixture.newEra();
        clock.set(era);
        Reply created = create(concertBody("IU 2026 Tour", era.plus(DAY.multipliedBy(30)), null));
        Reply later = create(concertBody("Next Month", era.plus(DAY.multipliedBy(60)), era.plus(DAY.multipliedBy(30))));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode concert = created.json();
        assertThat(concert.path("id").asLong()).isPositive();
        assertThat(concert.path("title").asString()).isEqualTo("IU 2026 Tour");
        JsonNode schedule = concert.path("schedules").get(0);
        assertThat(schedule.path("id").asLong()).isPositive();
        assertThat(schedule.path("totalSeats").asInt()).isEqualTo(50);
        assertThat(Instant.parse(schedule.path("performanceAt").asString())).isEqualTo(era.plus(DAY.multipliedBy(30)));
        assertThat(Instant.parse(schedule.path("bookingOpensAt").asString())).as("defaults to now")
                .isBetween(era, era.plus(Duration.ofMinutes(1)));

        Reply list = api.get("/api/v1/concerts").send();

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items")).hasSize(1);
        JsonNode item = list.json().path("items").get(0);
        assertThat(item.path("id").asLong()).isEqualTo(concert.path("id").asLong());
        assertThat(item.path("venue").asString()).isEqualTo("KSPO Dome");
        assertThat(item.has("firstPerformanceAt") && item.has("lastPerformanceAt")).isTrue();
        assertThat(list.json().path("totalItems").asLong()).isEqualTo(1);

        clock.set(era.plus(DAY.multipliedBy(31)));
        JsonNode nextMonth = api.get("/api/v1/concerts").send().json();
        assertThat(nextMonth.path("items").get(0).path("id").asLong()).isEqualTo(later.json().path("id").asLong());
        assertThat(nextMonth.path("totalItems").asLong()).as("the first one has been performed").isEqualTo(1);

        Reply detail = api.get("/api/v1/concerts/" + concert.path("id").asLong()).send();
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().path("bookableNow").asBoolean()).isFalse();
    }

    @Test
    void theListingPagesThroughEveryBookableConcertOnce() {
        Instant era = ConcertFixture.newEra();
        clock.set(era);
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create(concertBody("Paged " + i, era.plus(DAY.multipliedBy(10 + i)), null)).json().path("id").asLong());
        }

        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode body = api.get("/api/v1/concerts?page=" + page + "&size=2").send().json();
            assertThat(body.path("totalItems").asLong()).isEqualTo(5);
            assertThat(body.path("totalPages").asInt()).isEqualTo(3);
            assertThat(body.path("page").asInt()).isEqualTo(page);
            assertThat(body.path("size").asInt()).isEqualTo(2);
            body.path("items").forEach(item -> seen.add(item.path("id").asLong()));
        }

        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(api.get("/api/v1/concerts?page=3&size=2").send().json().path("items")).isEmpty();
    }

    @Test
    void theAdminApiRefusesCallersWithoutAToken_orWithoutTheOperatorScope() {
        Map<String, Object> body = concertBody("x", Instant.now().plus(DAY), null);

        Reply missing = api.post("/api/v1/admin/concerts", body).send();
        Reply oldKey = api.post("/api/v1/admin/concerts", body).header("X-Admin-Key", "dev-admin-key").send();
        Reply fan = api.post("/api/v1/admin/concerts", body).user(1).send();

        for (Reply reply : List.of(missing, oldKey)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
            assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(fan.status()).as(fan.toString()).isEqualTo(403);
        assertThat(fan.code()).isEqualTo("FORBIDDEN");
        assertThat(fan.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"", "scope=\"concert:admin\"");
    }

    @Test
    void anInvalidConcertIsRefused_namingEveryField() {
        Reply reply = create(Map.of("title", " ", "schedules", List.of(Map.of(
                "performanceAt", "2020-01-01T00:00:00Z",
                "sections", List.of(Map.of("grade", "R", "price", -5, "seats", 0))))));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactly("title", "venue", "schedules[0].performanceAt",
                "schedules[0].sections[0].price", "schedules[0].sections[0].seats");
        assertThat(reply.json().path("detail").asString()).contains("title", "schedules[0].sections[0].price");
    }

    @Test
    void theStorefront_isServedAtTheRoot_andSignsInAtTheIssuerTheServiceTrusts() {
        String issuer = TestIssuer.shared().issuer();
        Reply page = api.get("/").header("Accept", "text/html").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("<script type=\"module\" src=\"app/main.js\"></script>");
        URI issuerUri = URI.create(issuer);
        assertThat(page.header("Content-Security-Policy"))
                .contains("connect-src 'self' " + issuerUri.getScheme() + "://" + issuerUri.getAuthority() + ";");
        assertThat(api.get("/app/main.js").send().status()).isEqualTo(200);

        Reply config = api.get("/storefront/config").send();
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().path("issuer").asString()).isEqualTo(issuer);
        assertThat(config.json().path("clientId").asString()).isEqualTo("concert-web");
        assertThat(config.json().path("scope").asString()).isEqualTo("openid profile");
    }

    @Test
    void everyErrorIsAProblemWithACode_andNeverA5xx() {
        assertProblem(api.post("/api/v1/admin/concerts", "{\"title\": ").asAdmin().send(), 400, "MALFORMED_REQUEST");
        assertProblem(api.post("/api/v1/admin/concerts", "{\"title\": 5, \"venue\": [1]}").asAdmin().send(),
                400, "VALIDATION_FAILED");
        assertProblem(api.post("/api/v1/admin/concerts", "{\"schedules\":[{\"sections\":[{\"seats\": 1.5}]}]}")
                .asAdmin().send(), 400, "VALIDATION_FAILED");
        assertProblem(api.get("/api/v1/concerts?size=0").send(), 400, "VALIDATION_FAILED");
        assertProblem(api.get("/api/v1/concerts?page=x").send(), 400, "VALIDATION_FAILED");
        assertProblem(api.get("/api/v1/concerts/x").send(), 400, "VALIDATION_FAILED");
        assertProblem(api.get("/api/v1/concerts/" + Long.MAX_VALUE).send(), 404, "CONCERT_NOT_FOUND");
        assertProblem(api.get("/api/v1/no-such-thing").send(), 404, "NOT_FOUND");
        assertProblem(api.get("/no-such-page").send(), 404, "NOT_FOUND");
        Reply notAllowed = api.delete("/api/v1/concerts").send();
        assertProblem(notAllowed, 405, "METHOD_NOT_ALLOWED");
        assertThat(notAllowed.header("Allow")).contains("GET");
        assertProblem(api.method("POST", "/api/v1/admin/concerts", null).header("Content-Type", "text/plain")
                .asAdmin().send(), 415, "UNSUPPORTED_MEDIA_TYPE");
        String big = "{\"title\":\"" + "a".repeat(70 * 1024) + "\"}";
        assertProblem(api.post("/api/v1/admin/concerts", big).asAdmin().send(), 413, "PAYLOAD_TOO_LARGE");
    }

    /** Found by BadInputIT: refusals were empty or HTML when the client's Accept header or path was odd. */
    @Test
    void aRefusalIsAProblemWhateverTheClientAccepts_andWhereverTomcatRefuses() {
        assertProblem(api.get("/api/v1/concerts").header("Accept", "garbage").send(), 406, "NOT_ACCEPTABLE");
        assertProblem(api.get("/api/v1/concerts").header("Accept", "image/png").send(), 406, "NOT_ACCEPTABLE");
        assertProblem(api.get("/api/v1/points").header("Accept", "image/png").send(), 401, "UNAUTHENTICATED");
        assertProblem(api.get("/api/v1/concerts/x").header("Accept", "text/html").send(), 400, "VALIDATION_FAILED");
        // a malformed form body on a DELETE (Spring's form filter used to parse it, and failed with a 500)
        assertProblem(api.method("DELETE", "/api/v1/reservations/1", "+=k%\"").user(1)
                .header("Content-Type", "application/x-www-form-urlencoded").send(), 404, "RESERVATION_NOT_FOUND");
        // an encoded slash: Tomcat refuses it before the application sees the request
        assertProblem(api.get("/api/v1/concerts/1%2F2").send(), 400, "MALFORMED_REQUEST");
    }

    @Test
    void aBodyOverTheLimitIsRefusedEvenWhenItsLengthIsNotDeclared() throws Exception {
        String big = "{\"title\":\"" + "a".repeat(70 * 1024) + "\"}";
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/admin/concerts"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestIssuer.shared().adminToken())
                // a publisher of unknown length makes the client send the body chunked
                .POST(java.net.http.HttpRequest.BodyPublishers.fromPublisher(
                        java.net.http.HttpRequest.BodyPublishers.ofString(big)))
                .build();

        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void operationsEndpointsAnswer() {
        Reply readiness = api.get("/readyz").send();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().path("components").path("redis").path("status").asString()).isEqualTo("UP");
        assertThat(api.get("/livez").send().json().path("status").asString()).isEqualTo("UP");
        assertThat(management.get("/actuator/prometheus").send().text()).contains("jvm_memory_used_bytes")
                .as("the database breaker's state").containsPattern(
                        "resilience4j_circuitbreaker_state\\{[^}]*name=\"database\"[^}]*state=\"closed\"[^}]*} 1\\.0");
        assertThat(management.get("/actuator/health").send().json().path("components").has("db")).isTrue();
        assertThat(api.get("/actuator/prometheus").send().status()).as("never on the public port").isEqualTo(404);
        assertThat(api.get("/actuator/health").send().status()).isEqualTo(404);
        String scheduled = management.get("/actuator/scheduledtasks").send().text();
        assertThat(scheduled).as("the jobs, on Spring's scheduler").contains("fixedRate").contains("JobScheduling");
        assertThat(api.get("/actuator/scheduledtasks").send().status()).isEqualTo(404);
        Reply docs = api.get("/v3/api-docs").send();
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/concerts")).isTrue();
        assertThat(api.get("/swagger-ui.html").send().status()).isIn(200, 302);
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith(PROBLEM_JSON);
        assertThat(reply.code()).as(reply.toString()).isEqualTo(code);
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.text()).doesNotContain("Exception", "at com.", "at org.", "SQL");
    }
}
