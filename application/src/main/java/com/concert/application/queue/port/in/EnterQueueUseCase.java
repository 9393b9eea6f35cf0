package com.concert.application.queue.port.in;

/** A fan gets in line for a concert. */
public interface EnterQueueUseCase {

    /**
     * Gives the user a place at the back of the concert's line, or the place the user already has.
     *
     * @throws com.concert.domain.concert.ConcertNotFoundException     when there is no such concert
     * @throws com.concert.domain.concert.ConcertNotAvailableException when no performance can be booked now
     */
    QueueTicket enter(EnterQueueCommand command);
}
