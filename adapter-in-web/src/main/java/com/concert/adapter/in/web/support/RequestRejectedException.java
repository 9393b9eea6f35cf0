package com.concert.adapter.in.web.support;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

/** A request refused by the web layer itself: no usable bearer token, a missing scope, a body too large. */
public final class RequestRejectedException extends DomainException {

    public RequestRejectedException(ErrorCode code, String message) {
        super(code, message);
    }
}
