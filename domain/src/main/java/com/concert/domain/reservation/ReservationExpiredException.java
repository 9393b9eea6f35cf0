package com.concert.domain.reservation;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

public final class ReservationExpiredException extends DomainException {

    public ReservationExpiredException(ReservationId id) {
        super(ErrorCode.RESERVATION_EXPIRED, "Reservation " + id + " ran out before payment; its seats are free again");
    }
}
