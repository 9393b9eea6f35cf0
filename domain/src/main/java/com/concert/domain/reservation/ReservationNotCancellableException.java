package com.concert.domain.reservation;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

public final class ReservationNotCancellableException extends DomainException {

    public ReservationNotCancellableException(ReservationId id, ReservationStatus status) {
        super(ErrorCode.RESERVATION_NOT_CANCELLABLE, "Reservation " + id + " is " + status + " and cannot be cancelled");
    }
}
