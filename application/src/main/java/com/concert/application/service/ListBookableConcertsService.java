package com.concert.application.service;

import com.concert.application.port.in.ListBookableConcertsUseCase;
import com.concert.application.port.in.ListConcertsQuery;
import com.concert.domain.concert.ConcertCatalog;
import com.concert.domain.concert.ConcertSummary;
import com.concert.domain.shared.Page;

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
