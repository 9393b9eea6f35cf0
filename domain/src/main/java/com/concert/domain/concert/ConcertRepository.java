package com.concert.domain.concert;

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
}
