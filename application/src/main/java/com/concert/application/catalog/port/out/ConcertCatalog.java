package com.concert.application.catalog.port.out;

import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ConcertSummary;
import com.concert.domain.concert.ScheduleId;

import java.time.Instant;
import java.util.Optional;

/**
 * The catalog as the read paths see it (the listing, entering the queue, the reads behind it), which ask for
 * the same few answers thousands of times a second. Implementations may answer from memory, within these
 * promises: a concert that does not exist yet is never remembered as missing; the listing is what the
 * repository would answer at {@code now} (it changes only when a booking window opens or closes, or when the
 * catalog changes), except that a catalog change may show up to a second later on other service instances.
 * Everything here runs outside any caller's transaction.
 */
public interface ConcertCatalog {

    /** The concert with all of its schedules. */
    Optional<Concert> find(ConcertId id);

    /** The concert that has this schedule, with all of its schedules. */
    Optional<Concert> findBySchedule(ScheduleId schedule);

    /** The concerts bookable at {@code now}, as {@link ConcertListing#findBookable} orders them. */
    Page<ConcertSummary> findBookable(Instant now, PageRequest page);
}
