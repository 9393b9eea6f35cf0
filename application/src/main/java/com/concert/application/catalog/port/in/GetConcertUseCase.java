package com.concert.application.catalog.port.in;

import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertId;

/** A fan looks at one concert: what, where, and when its performances are. */
public interface GetConcertUseCase {

    /** @throws com.concert.domain.concert.ConcertNotFoundException when there is no such concert */
    Concert get(ConcertId id);
}
