package com.concert.domain.shared;

import java.util.Objects;

/**
 * A business rule said no. Carries the {@link ErrorCode} clients see and a message fit to show them:
 * it never contains internals such as SQL or class names.
 */
public abstract class DomainException extends RuntimeException {

    private final ErrorCode code;

    protected DomainException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** Rejections are expected and frequent: no stack trace is captured, but a cause is kept for the log. */
    protected DomainException(ErrorCode code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = Objects.requireNonNull(code);
    }

    public ErrorCode code() {
        return code;
    }
}
