package com.concert.application.booking.port.in;

import com.concert.application.queue.port.in.GatedConcertQuery;

/** An admitted fan sees the performances open for booking, with how many seats each has left. */
public interface GetBookableSchedulesUseCase {

    /**
     * @throws com.concert.domain.concert.ConcertNotFoundException     when there is no such concert
     * @throws com.concert.domain.queue.TokenMissingException          when no token was presented
     * @throws com.concert.domain.queue.TokenInvalidException          when the token is not this user's for this concert
     * @throws com.concert.domain.queue.TokenNotActiveException        when the token is still waiting
     * @throws com.concert.domain.concert.ConcertNotAvailableException when no performance can be booked now
     */
    ConcertSchedules schedules(GatedConcertQuery query);
}
