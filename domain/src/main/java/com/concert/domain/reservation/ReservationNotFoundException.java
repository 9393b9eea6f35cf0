package com.concert.domain.reservation;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

/** No such reservation, or another user's: the two are not told apart. */
public final class ReservationNotFoundException extends DomainException {

    public ReservationNotFoundException(ReservationId id) {
        super(ErrorCode.RESERVATION_NOT_FOUND, "Reservation " + id + " does not exist");
    }
}
