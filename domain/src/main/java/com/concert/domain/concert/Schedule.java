package com.concert.domain.concert;

import java.time.Instant;
import java.util.Objects;

/** One performance of a concert, as stored. */
public record Schedule(ScheduleId id, ConcertId concertId, Instant performanceAt, BookingWindow bookingWindow,
                       int totalSeats) {

    public Schedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(performanceAt, "performanceAt");
        Objects.requireNonNull(bookingWindow, "bookingWindow");
        if (totalSeats < 1) {
            throw new IllegalArgumentException("a schedule has seats");
        }
    }

    public boolean isBookableAt(Instant now) {
        return bookingWindow.isOpenAt(now);
    }
}
