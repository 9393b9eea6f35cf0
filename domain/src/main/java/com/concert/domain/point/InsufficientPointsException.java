package com.concert.domain.point;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

public final class InsufficientPointsException extends DomainException {

    public InsufficientPointsException(long needed, long balance) {
        super(ErrorCode.INSUFFICIENT_POINTS, "The payment needs " + needed + " points; the balance is " + balance
                + ". Nothing changed");
    }
}
