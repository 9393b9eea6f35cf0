package com.concert.domain.concert;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

public final class ConcertNotAvailableException extends DomainException {

    public ConcertNotAvailableException(ConcertId id) {
        super(ErrorCode.CONCERT_NOT_AVAILABLE, "Concert " + id + " cannot be booked now");
    }
}
