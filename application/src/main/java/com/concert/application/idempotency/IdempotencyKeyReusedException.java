package com.concert.application.idempotency;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

public final class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException() {
        super(ErrorCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used with a different request");
    }
}
