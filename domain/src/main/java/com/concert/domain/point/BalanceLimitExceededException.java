package com.concert.domain.point;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

public final class BalanceLimitExceededException extends DomainException {

    public BalanceLimitExceededException(long maxBalance) {
        super(ErrorCode.BALANCE_LIMIT_EXCEEDED, "A balance may not exceed " + maxBalance + " points");
    }
}
