package com.concert.application.catalog.port.in;

import com.concert.domain.concert.Concert;

/** An operator puts a concert with its performances and seat maps on sale. */
public interface CreateConcertUseCase {

    /**
     * Creates the concert, its schedules and their seats in one transaction.
     *
     * @throws com.concert.domain.shared.ValidationFailedException naming every field that breaks a rule
     */
    Concert create(CreateConcertCommand command);
}
