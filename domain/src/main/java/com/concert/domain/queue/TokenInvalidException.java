package com.concert.domain.queue;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

/** Unknown, expired, left, another user's or another concert's: the client must enter the queue again. */
public final class TokenInvalidException extends DomainException {

    public TokenInvalidException() {
        super(ErrorCode.TOKEN_INVALID, "The queue token is not valid for this user and concert; enter the queue again");
    }
}
