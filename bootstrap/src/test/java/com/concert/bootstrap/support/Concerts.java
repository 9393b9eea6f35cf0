package com.concert.bootstrap.support;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates concerts through the admin API, the way an operator would. */
public final class Concerts {

    private Concerts() {
    }

    /** A concert whose booking opened yesterday, with one performance per entry of {@code seatsPerSchedule}. */
    public static JsonNode bookable(Api api, Instant now, int... seatsPerSchedule) {
        return create(api, "Bookable " + now.toEpochMilli(), now.minus(Duration.ofDays(1)), now, seatsPerSchedule);
    }

    /** The same, created with {@code adminKey} (a service started with another key than {@link ServiceIT#ADMIN_KEY}). */
    public static JsonNode bookable(Api api, String adminKey, Instant now, int... seatsPerSchedule) {
        return create(api, adminKey, "Bookable " + now.toEpochMilli(), now.minus(Duration.ofDays(1)), now, seatsPerSchedule);
    }

    public static JsonNode create(Api api, String title, Instant bookingOpensAt, Instant now, int... seatsPerSchedule) {
        return create(api, ServiceIT.ADMIN_KEY, title, bookingOpensAt, now, seatsPerSchedule);
    }

    private static JsonNode create(Api api, String adminKey, String title, Instant bookingOpensAt, Instant now,
                                   int... seatsPerSchedule) {
        List<Map<String, Object>> schedules = new ArrayList<>();
        for (int i = 0; i < seatsPerSchedule.length; i++) {
            Map<String, Object> schedule = new LinkedHashMap<>();
            schedule.put("performanceAt", now.plus(Duration.ofDays(10 + i)).toString());
            schedule.put("bookingOpensAt", bookingOpensAt.toString());
            schedule.put("sections", List.of(Map.of("grade", "R", "price", 110_000, "seats", seatsPerSchedule[i])));
            schedules.add(schedule);
        }
        Api.Reply reply = api.post("/api/v1/admin/concerts",
                Map.of("title", title, "venue", "Test Hall", "schedules", schedules)).admin(adminKey).send();
        if (reply.status() != 201) {
            throw new IllegalStateException("could not create a concert: " + reply);
        }
        return reply.json();
    }
}
