package com.concert.application.catalog.port.out;

import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertSummary;

import java.time.Instant;
import java.util.Optional;

/**
 * The bookable listing as storage answers it: a read model beside {@link com.concert.domain.concert.ConcertRepository},
 * which stores the concerts themselves.
 */
public interface ConcertListing {

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
