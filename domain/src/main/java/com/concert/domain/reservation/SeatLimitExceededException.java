package com.concert.domain.reservation;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

public final class SeatLimitExceededException extends DomainException {

    public SeatLimitExceededException(int limit, int alreadyHeld) {
        super(ErrorCode.SEAT_LIMIT_EXCEEDED, "At most " + limit + " seats per user per performance; you already hold or own "
                + alreadyHeld);
    }
}
