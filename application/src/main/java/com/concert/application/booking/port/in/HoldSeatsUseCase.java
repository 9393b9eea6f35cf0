package com.concert.application.booking.port.in;

import com.concert.domain.reservation.Reservation;

/** An admitted fan holds seats for payment. */
public interface HoldSeatsUseCase {

    /**
     * Holds all the requested seats for {@code concert.reservation.hold-ttl}, or none.
     *
     * @throws com.concert.domain.shared.ValidationFailedException       when the request is not 1 to 4 distinct seats
     * @throws com.concert.domain.concert.ScheduleNotFoundException      when there is no such schedule
     * @throws com.concert.domain.queue.TokenMissingException            when no queue token was presented
     * @throws com.concert.domain.queue.TokenInvalidException            when it is not the user's for this concert
     * @throws com.concert.domain.queue.TokenNotActiveException          when it is still waiting
     * @throws com.concert.domain.concert.ConcertNotAvailableException   when the performance cannot be booked now
     * @throws com.concert.domain.seat.SeatNotFoundException             when a seat is not in the schedule
     * @throws com.concert.domain.reservation.SeatUnavailableException   when a seat is held or sold
     * @throws com.concert.domain.reservation.SeatLimitExceededException when the user would have too many seats
     */
    Reservation hold(HoldSeatsCommand command);
}
