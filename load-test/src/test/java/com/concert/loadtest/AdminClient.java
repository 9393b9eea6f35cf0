package com.concert.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sets up the data a simulation needs through the service's own admin API, before the load starts. */
final class AdminClient {

    private static final Pattern TOTAL_ITEMS = Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String adminKey;

    AdminClient(String baseUrl, String adminKey) {
        this.baseUrl = baseUrl;
        this.adminKey = adminKey;
    }

    /** How many concerts the listing shows now. */
    long bookableConcerts() {
        String body = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/concerts?size=1")).GET(), 200);
        Matcher matcher = TOTAL_ITEMS.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("the concert listing has no totalItems: " + body);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Creates concerts until the listing shows at least {@code wanted}; returns how many were created. */
    int ensureBookableConcerts(int wanted, int seatsPerSchedule) {
        long missing = wanted - bookableConcerts();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < missing; i++) {
            Instant performance = now.plus(Duration.ofDays(30 + i % 60));
            String body = """
                    {"title":"Load Test Concert %d","venue":"Load Hall","schedules":[
                     {"performanceAt":"%s","bookingOpensAt":"%s","sections":[{"grade":"R","price":100000,"seats":%d}]},
                     {"performanceAt":"%s","bookingOpensAt":"%s","sections":[{"grade":"R","price":100000,"seats":%d}]}]}"""
                    .formatted(i, performance, now.minus(Duration.ofDays(1)), seatsPerSchedule,
                            performance.plus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)), seatsPerSchedule);
            send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/admin/concerts"))
                    .header("Content-Type", "application/json")
                    .header("X-Admin-Key", adminKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body)), 201);
        }
        return (int) Math.max(0, missing);
    }

    /** Creates one concert, bookable since yesterday, with one performance of {@code seats} seats; returns its id. */
    long createBookableConcert(String title, int seats) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String body = """
                {"title":"%s","venue":"Load Hall","schedules":[
                 {"performanceAt":"%s","bookingOpensAt":"%s","sections":[{"grade":"R","price":100000,"seats":%d}]}]}"""
                .formatted(title, now.plus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), seats);
        String created = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/admin/concerts"))
                .header("Content-Type", "application/json")
                .header("X-Admin-Key", adminKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)), 201);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + created);
        }
        return Long.parseLong(id.group(1));
    }

    private String send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("expected " + expectedStatus + " from " + response.uri() + ", got "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("the service at " + baseUrl + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
