package com.concert.application.catalog.service;

import com.concert.application.catalog.port.out.ConcertCatalog;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ConcertNotFoundException;

/** Finds a concert for a use case that cannot go on without it. */
public final class ConcertLookup {

    private final ConcertCatalog catalog;

    public ConcertLookup(ConcertCatalog catalog) {
        this.catalog = catalog;
    }

    /** @throws ConcertNotFoundException when there is no such concert */
    public Concert require(ConcertId id) {
        return catalog.find(id).orElseThrow(() -> new ConcertNotFoundException(id));
    }
}
