package com.concert.application.booking.port.in;

/** An admitted fan sees every seat of one performance and whether it can be held. */
public interface GetSeatMapUseCase {

    /**
     * @throws com.concert.domain.concert.ConcertNotFoundException  when there is no such concert
     * @throws com.concert.domain.concert.ScheduleNotFoundException when the concert has no such schedule
     * @throws com.concert.domain.queue.TokenMissingException       when no token was presented
     * @throws com.concert.domain.queue.TokenInvalidException       when the token is not this user's for this concert
     * @throws com.concert.domain.queue.TokenNotActiveException     when the token is still waiting
     */
    SeatMap seatMap(SeatMapQuery query);
}
