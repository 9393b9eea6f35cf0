package com.concert.application.booking.port.in;

import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;

/** A fan gives held seats back before paying. */
public interface CancelReservationUseCase {

    /**
     * Cancels a HELD reservation and frees its seats at once; cancelling one already cancelled changes nothing.
     *
     * @throws com.concert.domain.reservation.ReservationNotFoundException       when there is none, or another user's
     * @throws com.concert.domain.reservation.ReservationNotCancellableException when it is paid or has run out
     */
    void cancel(UserId user, ReservationId id);
}
