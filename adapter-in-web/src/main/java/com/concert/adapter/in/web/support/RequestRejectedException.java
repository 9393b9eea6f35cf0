package com.concert.adapter.in.web.support;

import com.concert.adapter.in.web.error.ProblemCode;

import java.util.Objects;

/** A request refused by the web layer itself: no usable bearer token, a missing scope, a body too large. */
public final class RequestRejectedException extends RuntimeException {

    private final ProblemCode code;

    public RequestRejectedException(ProblemCode code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code);
    }

    public ProblemCode code() {
        return code;
    }
}
