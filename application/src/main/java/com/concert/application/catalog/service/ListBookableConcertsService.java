package com.concert.application.catalog.service;

import com.concert.application.catalog.port.in.ListBookableConcertsUseCase;
import com.concert.application.catalog.port.in.ListConcertsQuery;
import com.concert.application.catalog.port.out.ConcertCatalog;
import com.concert.application.shared.Page;
import com.concert.domain.concert.ConcertSummary;

import java.time.Clock;

public final class ListBookableConcertsService implements ListBookableConcertsUseCase {

    private final ConcertCatalog catalog;
    private final Clock clock;

    public ListBookableConcertsService(ConcertCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public Page<ConcertSummary> list(ListConcertsQuery query) {
        return catalog.findBookable(clock.instant(), query.page());
    }
}
