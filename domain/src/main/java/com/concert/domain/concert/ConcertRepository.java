package com.concert.domain.concert;

import com.concert.domain.shared.Page;
import com.concert.domain.shared.PageRequest;

import java.time.Instant;
import java.util.Optional;

/**
 * The concert catalog in storage. Concerts, their schedules and seat maps never change after creation
 * except for the seats' booking state, which other ports own.
 */
public interface ConcertRepository {

    /**
     * Stores a concert with its schedules, and creates each schedule's seats numbered from 1 in section
     * order, all available. Runs inside the caller's transaction.
     */
    Concert create(ConcertDraft draft);

    /** The concert with all of its schedules. */
    Optional<Concert> findById(ConcertId id);

    /** The concert a schedule belongs to. */
    Optional<ConcertId> findConcertOf(ScheduleId schedule);

    /**
     * The concerts bookable at {@code now} (see {@link Concert#isBookableAt}), earliest first performance
     * first, ties broken by id: a stable order, so that paging through a listing that does not change
     * shows every concert exactly once.
     */
    Page<ConcertSummary> findBookable(Instant now, PageRequest page);

    /**
     * The first instant after {@code now} at which a booking window opens or closes: until then the bookable
     * listing cannot change, short of a change to the catalog itself. Empty when no window opens or closes
     * after {@code now}.
     */
    Optional<Instant> nextBookingChangeAfter(Instant now);
}
