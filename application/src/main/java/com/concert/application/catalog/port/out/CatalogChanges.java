package com.concert.application.catalog.port.out;

import com.concert.domain.concert.ConcertId;

/**
 * Tells every service instance that the catalog changed, so that copies kept in memory are dropped. Delivery
 * is best effort (a copy that misses a message still ends at its own deadline); a publisher that cannot reach
 * its channel does not fail the change that happened.
 */
public interface CatalogChanges {

    /** Announces that {@code concert} was created or changed. */
    void published(ConcertId concert);
}
