package com.concert.application.catalog.port.out;

import com.concert.domain.concert.ConcertId;

/** A copy of the catalog this instance keeps in memory. */
public interface CatalogCache {

    /**
     * Drops what is kept of {@code concert}, and every listing page that might show it, so that the next read
     * goes to storage. Never fails: a copy that cannot be dropped ends at its own deadline.
     */
    void forget(ConcertId concert);
}
