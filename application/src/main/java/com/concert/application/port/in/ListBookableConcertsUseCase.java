package com.concert.application.port.in;

import com.concert.domain.concert.ConcertSummary;
import com.concert.domain.shared.Page;

/** A fan browses the concerts that can be booked right now. */
public interface ListBookableConcertsUseCase {

    /** Concerts with at least one performance whose booking window is open now, earliest first. */
    Page<ConcertSummary> list(ListConcertsQuery query);
}
