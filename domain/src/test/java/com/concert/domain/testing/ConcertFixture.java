package com.concert.domain.testing;

import com.concert.domain.concert.BookingWindow;
import com.concert.domain.concert.ConcertDraft;
import com.concert.domain.concert.ScheduleDraft;
import com.concert.domain.concert.Section;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds concert drafts for tests. Tests that share one database take their instants from
 * {@link #newEra()}: a year of time no other test in the JVM uses, so "bookable now" queries see only
 * their own concerts.
 */
public final class ConcertFixture {

    private static final Instant FIRST_ERA = Instant.parse("2200-01-01T00:00:00Z");
    private static final AtomicLong ERAS = new AtomicLong();

    private String title = "Test Concert";
    private String venue = "Test Hall";
    private final List<ScheduleDraft> schedules = new ArrayList<>();

    public static ConcertFixture concert() {
        return new ConcertFixture();
    }

    /** The start of a year that no other caller in this JVM gets. */
    public static Instant newEra() {
        return FIRST_ERA.plus(Duration.ofDays(366 * ERAS.getAndIncrement()));
    }

    public ConcertFixture titled(String title) {
        this.title = title;
        return this;
    }

    public ConcertFixture at(String venue) {
        this.venue = venue;
        return this;
    }

    /** A performance at {@code performanceAt} whose booking is open from {@code opensAt} until it starts. */
    public ConcertFixture schedule(Instant performanceAt, Instant opensAt, Section... sections) {
        schedules.add(new ScheduleDraft(performanceAt, new BookingWindow(opensAt, performanceAt), List.of(sections)));
        return this;
    }

    /** A performance with {@code seats} seats of one grade, bookable from {@code opensAt} until it starts. */
    public ConcertFixture schedule(Instant performanceAt, Instant opensAt, int seats) {
        return schedule(performanceAt, opensAt, new Section("R", 110_000, seats));
    }

    public ConcertDraft build() {
        return new ConcertDraft(title, venue, schedules);
    }
}
