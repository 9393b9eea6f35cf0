package com.concert.domain.concert;

import java.util.Optional;

/**
 * Concerts by id for the hot paths (entering the queue, the reads behind it), which ask for the same few
 * concerts thousands of times a second. A concert's schedules and booking windows never change after
 * creation, so implementations may answer from memory; a concert that does not exist yet is never
 * remembered as missing, so one created a moment ago is found.
 */
public interface ConcertCatalog {

    /** The concert with all of its schedules; runs outside any caller's transaction. */
    Optional<Concert> find(ConcertId id);

    /** The concert that has this schedule, with all of its schedules. */
    Optional<Concert> findBySchedule(ScheduleId schedule);
}
