package com.concert.application.catalog.port.in;

import com.concert.application.shared.Page;
import com.concert.domain.concert.ConcertSummary;

/** A fan browses the concerts that can be booked right now. */
public interface ListBookableConcertsUseCase {

    /** Concerts with at least one performance whose booking window is open now, earliest first. */
    Page<ConcertSummary> list(ListConcertsQuery query);
}
