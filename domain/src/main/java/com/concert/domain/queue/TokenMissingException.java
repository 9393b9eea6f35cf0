package com.concert.domain.queue;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

public final class TokenMissingException extends DomainException {

    public TokenMissingException() {
        super(ErrorCode.TOKEN_MISSING, "X-Queue-Token header is required: enter the queue for this concert first");
    }
}
