package com.concert.domain.point;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

public final class InvalidAmountException extends DomainException {

    public InvalidAmountException(long amount, long maxCharge) {
        super(ErrorCode.INVALID_AMOUNT, "A charge is 1 to " + maxCharge + " points, not " + amount);
    }
}
