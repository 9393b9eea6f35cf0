package com.concert.domain.concert;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A concert and all of its performances. */
public record Concert(ConcertId id, String title, String venue, List<Schedule> schedules) {

    public Concert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(venue, "venue");
        schedules = schedules.stream().sorted(Comparator.comparing(Schedule::performanceAt)).toList();
        if (schedules.isEmpty()) {
            throw new IllegalArgumentException("a concert has at least one schedule");
        }
        if (schedules.stream().anyMatch(s -> !s.concertId().equals(id))) {
            throw new IllegalArgumentException("every schedule belongs to concert " + id);
        }
    }

    /** A concert is bookable while the booking window of at least one of its performances is open. */
    public boolean isBookableAt(Instant now) {
        return schedules.stream().anyMatch(s -> s.isBookableAt(now));
    }

    /** The performances that can be booked at {@code now}, earliest first. */
    public List<Schedule> bookableSchedulesAt(Instant now) {
        return schedules.stream().filter(s -> s.isBookableAt(now)).toList();
    }

    /**
     * Refuses a concert that cannot be booked now.
     *
     * @throws ConcertNotAvailableException when no performance's booking window is open at {@code now}
     */
    public void requireBookableAt(Instant now) {
        if (!isBookableAt(now)) {
            throw new ConcertNotAvailableException(id);
        }
    }

    public Instant firstPerformanceAt() {
        return schedules.getFirst().performanceAt();
    }

    public Instant lastPerformanceAt() {
        return schedules.getLast().performanceAt();
    }
}
