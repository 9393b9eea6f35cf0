package com.concert.application.fake;

import com.concert.application.catalog.port.out.ConcertCatalog;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ConcertSummary;
import com.concert.domain.concert.ScheduleId;

import java.time.Instant;
import java.util.Optional;

/** The catalog straight from an in-memory repository. */
public final class InMemoryConcertCatalog implements ConcertCatalog {

    private final InMemoryConcertRepository concerts;

    public InMemoryConcertCatalog(InMemoryConcertRepository concerts) {
        this.concerts = concerts;
    }

    @Override
    public Optional<Concert> find(ConcertId id) {
        return concerts.findById(id);
    }

    @Override
    public Optional<Concert> findBySchedule(ScheduleId schedule) {
        return concerts.findConcertOf(schedule).flatMap(concerts::findById);
    }

    @Override
    public Page<ConcertSummary> findBookable(Instant now, PageRequest page) {
        return concerts.findBookable(now, page);
    }
}
