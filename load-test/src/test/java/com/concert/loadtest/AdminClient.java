package com.concert.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets up the data a simulation needs through the service's own admin API, before the load starts, as an operator
 * ({@code Authorization: Bearer} with a token of scope {@code concert:admin}, see {@link Tokens#forOperator()}).
 */
final class AdminClient {

    /** What every seat the admin client creates costs, in points. */
    static final int SEAT_PRICE = 100_000;

    private static final Pattern TOTAL_ITEMS = Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)");
    /** The concert's own id comes first in the creation answer, before its schedules. */
    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern FIRST_SCHEDULE_ID =
            Pattern.compile("\"schedules\"\\s*:\\s*\\[\\s*\\{[^}]*?\"id\"\\s*:\\s*(\\d+)");
    /** One schedule of the creation answer: a flat object, whose id is its only {@code "id"}. */
    private static final Pattern SCHEDULE = Pattern.compile("\\{[^{}]*?\"id\"\\s*:\\s*(\\d+)[^{}]*}");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Tokens tokens;

    AdminClient(String baseUrl, Tokens tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
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
                     {"performanceAt":"%s","bookingOpensAt":"%s","sections":[{"grade":"R","price":%d,"seats":%d}]},
                     {"performanceAt":"%s","bookingOpensAt":"%s","sections":[{"grade":"R","price":%d,"seats":%d}]}]}"""
                    .formatted(i, performance, now.minus(Duration.ofDays(1)), SEAT_PRICE, seatsPerSchedule,
                            performance.plus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)), SEAT_PRICE,
                            seatsPerSchedule);
            send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/admin/concerts"))
                    .header("Content-Type", "application/json")
                    // asked per request: creating a thousand concerts can outlast the operator's five-minute token
                    .header("Authorization", "Bearer " + tokens.forOperator())
                    .POST(HttpRequest.BodyPublishers.ofString(body)), 201);
        }
        return (int) Math.max(0, missing);
    }

    /** A concert created for a run, and the id of its only performance. */
    record CreatedConcert(long id, long scheduleId) {
    }

    /** Creates one concert, bookable since yesterday, with one performance of {@code seats} seats; returns its id. */
    long createBookableConcert(String title, int seats) {
        return createConcert(title, seats).id();
    }

    /**
     * Creates one concert, bookable since yesterday, with one performance in 30 days of {@code seats} seats at
     * {@link #SEAT_PRICE}; returns the ids of both.
     */
    CreatedConcert createConcert(String title, int seats) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String body = """
                {"title":"%s","venue":"Load Hall","schedules":[
                 {"performanceAt":"%s","bookingOpensAt":"%s","sections":[{"grade":"R","price":%d,"seats":%d}]}]}"""
                .formatted(title, now.plus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), SEAT_PRICE, seats);
        String created = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/admin/concerts"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.forOperator())
                .POST(HttpRequest.BodyPublishers.ofString(body)), 201);
        return new CreatedConcert(firstNumber(FIRST_ID, created), firstNumber(FIRST_SCHEDULE_ID, created));
    }

    /** A concert created for a run, and the ids of its performances. */
    record ConcertWithSchedules(long id, List<Long> scheduleIds) {
    }

    /**
     * Creates one concert, bookable since yesterday, with one performance per entry of {@code seatsPerSchedule}
     * (a day apart from 30 days on) of that many seats at {@link #SEAT_PRICE}; returns its id and those of the
     * performances.
     */
    ConcertWithSchedules createConcert(String title, List<Integer> seatsPerSchedule) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> schedules = new ArrayList<>();
        for (int i = 0; i < seatsPerSchedule.size(); i++) {
            schedules.add("""
                    {"performanceAt":"%s","bookingOpensAt":"%s","sections":[{"grade":"R","price":%d,"seats":%d}]}"""
                    .formatted(now.plus(Duration.ofDays(30 + i)), now.minus(Duration.ofDays(1)), SEAT_PRICE,
                            seatsPerSchedule.get(i)));
        }
        String body = "{\"title\":\"%s\",\"venue\":\"Load Hall\",\"schedules\":[%s]}"
                .formatted(title, String.join(",", schedules));
        String created = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/admin/concerts"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.forOperator())
                .POST(HttpRequest.BodyPublishers.ofString(body)), 201);
        long concertId = firstNumber(FIRST_ID, created);
        List<Long> scheduleIds = new ArrayList<>();
        Matcher schedule = SCHEDULE.matcher(created.substring(created.indexOf("\"schedules\"")));
        while (schedule.find()) {
            scheduleIds.add(Long.parseLong(schedule.group(1)));
        }
        if (scheduleIds.size() != seatsPerSchedule.size()) {
            throw new IllegalStateException("asked for " + seatsPerSchedule.size() + " schedules, the answer has "
                    + scheduleIds.size() + ": " + created);
        }
        return new ConcertWithSchedules(concertId, List.copyOf(scheduleIds));
    }

    private static long firstNumber(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return Long.parseLong(matcher.group(1));
    }

    private String send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("expected " + expectedStatus + " from " + response.uri() + ", got "
                        + response.statusCode() + ": " + response.body() + Tokens.refusalHint(response.statusCode()));
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
