package com.concert.bootstrap.support;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates concerts through the admin API, the way an operator would (with a token of the operator scope). */
public final class Concerts {

    /** The price of every seat of the concerts made here. */
    public static final long SEAT_PRICE = 110_000;

    private Concerts() {
    }

    /** A concert whose booking opened yesterday, with one performance per entry of {@code seatsPerSchedule}. */
    public static JsonNode bookable(Api api, Instant now, int... seatsPerSchedule) {
        return create(api, "Bookable " + now.toEpochMilli(), now.minus(Duration.ofDays(1)), now, seatsPerSchedule);
    }

    public static JsonNode create(Api api, String title, Instant bookingOpensAt, Instant now, int... seatsPerSchedule) {
        List<Map<String, Object>> schedules = new ArrayList<>();
        for (int i = 0; i < seatsPerSchedule.length; i++) {
            Map<String, Object> schedule = new LinkedHashMap<>();
            schedule.put("performanceAt", now.plus(Duration.ofDays(10 + i)).toString());
            schedule.put("bookingOpensAt", bookingOpensAt.toString());
            schedule.put("sections", List.of(Map.of("grade", "R", "price", SEAT_PRICE, "seats", seatsPerSchedule[i])));
            schedules.add(schedule);
        }
        Api.Reply reply = api.post("/api/v1/admin/concerts",
                Map.of("title", title, "venue", "Test Hall", "schedules", schedules)).asAdmin().send();
        if (reply.status() != 201) {
            throw new IllegalStateException("could not create a concert: " + reply);
        }
        return reply.json();
    }
}
