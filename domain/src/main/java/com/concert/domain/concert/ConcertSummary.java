package com.concert.domain.concert;

import java.time.Instant;
import java.util.Objects;

/** What a listing shows of a concert. */
public record ConcertSummary(ConcertId id, String title, String venue, Instant firstPerformanceAt,
                             Instant lastPerformanceAt) {

    public ConcertSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(firstPerformanceAt, "firstPerformanceAt");
        Objects.requireNonNull(lastPerformanceAt, "lastPerformanceAt");
    }

    public static ConcertSummary of(Concert concert) {
        return new ConcertSummary(concert.id(), concert.title(), concert.venue(), concert.firstPerformanceAt(),
                concert.lastPerformanceAt());
    }
}
