package com.concert.domain.concert;

import java.util.List;
import java.util.Objects;

/** A concert about to be created, with all of its performances. */
public record ConcertDraft(String title, String venue, List<ScheduleDraft> schedules) {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_VENUE_LENGTH = 200;
    public static final int MAX_SCHEDULES = 100;

    public ConcertDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(venue, "venue");
        if (title.isBlank() || title.length() > MAX_TITLE_LENGTH) {
            throw new IllegalArgumentException("a title has 1 to " + MAX_TITLE_LENGTH + " characters");
        }
        if (venue.isBlank() || venue.length() > MAX_VENUE_LENGTH) {
            throw new IllegalArgumentException("a venue has 1 to " + MAX_VENUE_LENGTH + " characters");
        }
        schedules = List.copyOf(schedules);
        if (schedules.isEmpty() || schedules.size() > MAX_SCHEDULES) {
            throw new IllegalArgumentException("a concert has 1 to " + MAX_SCHEDULES + " schedules");
        }
    }
}
