package com.concert.domain.queue;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

public final class TokenNotActiveException extends DomainException {

    public TokenNotActiveException(long position) {
        super(ErrorCode.TOKEN_NOT_ACTIVE, "Still waiting in line at position " + position);
    }
}
