package com.concert.domain.concert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A performance about to be created: when it is, when it can be booked, and its seats by section. */
public record ScheduleDraft(Instant performanceAt, BookingWindow bookingWindow, List<Section> sections) {

    public static final int MAX_SECTIONS = 50;
    public static final int MAX_TOTAL_SEATS = 50_000;
    /** How far from the moment of creation a performance or a booking window may lie, either way. */
    public static final Duration MAX_HORIZON = Duration.ofDays(5 * 365 + 1);

    public ScheduleDraft {
        Objects.requireNonNull(performanceAt, "performanceAt");
        Objects.requireNonNull(bookingWindow, "bookingWindow");
        sections = List.copyOf(sections);
        if (sections.isEmpty() || sections.size() > MAX_SECTIONS) {
            throw new IllegalArgumentException("a schedule has 1 to " + MAX_SECTIONS + " sections");
        }
        if (bookingWindow.closesAt().isAfter(performanceAt)) {
            throw new IllegalArgumentException("booking closes no later than the performance starts");
        }
        if (totalSeats(sections) > MAX_TOTAL_SEATS) {
            throw new IllegalArgumentException("a schedule has at most " + MAX_TOTAL_SEATS + " seats");
        }
    }

    public int totalSeats() {
        return (int) totalSeats(sections);
    }

    private static long totalSeats(List<Section> sections) {
        return sections.stream().mapToLong(Section::seats).sum();
    }
}
