package com.concert.domain.reservation;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

public final class ReservationNotPayableException extends DomainException {

    public ReservationNotPayableException(ReservationId id, ReservationStatus status) {
        super(ErrorCode.RESERVATION_NOT_PAYABLE, "Reservation " + id + " is " + status + " and cannot be paid");
    }
}
