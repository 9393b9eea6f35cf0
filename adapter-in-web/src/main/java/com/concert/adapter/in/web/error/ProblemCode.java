package com.concert.adapter.in.web.error;

import com.concert.domain.shared.ErrorCode;

/**
 * Every {@code code} a client can find in an error body: the refusals of the use cases ({@link ErrorCode}, by the
 * same name), and those only HTTP has (no or a bad bearer token, a missing scope, a request that cannot be read,
 * a path, method or media type that is not served, a failure of the service itself).
 */
public enum ProblemCode {
    UNAUTHENTICATED,
    FORBIDDEN,
    TOKEN_MISSING,
    TOKEN_INVALID,
    TOKEN_NOT_ACTIVE,
    CONCERT_NOT_FOUND,
    CONCERT_NOT_AVAILABLE,
    SCHEDULE_NOT_FOUND,
    SEAT_NOT_FOUND,
    SEAT_UNAVAILABLE,
    SEAT_LIMIT_EXCEEDED,
    RESERVATION_NOT_FOUND,
    RESERVATION_EXPIRED,
    RESERVATION_NOT_PAYABLE,
    RESERVATION_NOT_CANCELLABLE,
    INVALID_AMOUNT,
    BALANCE_LIMIT_EXCEEDED,
    INSUFFICIENT_POINTS,
    IDEMPOTENCY_KEY_REUSED,
    MALFORMED_REQUEST,
    VALIDATION_FAILED,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    UNSUPPORTED_MEDIA_TYPE,
    PAYLOAD_TOO_LARGE,
    RATE_LIMITED,
    SERVICE_UNAVAILABLE,
    INTERNAL_ERROR;

    private static final ProblemCode[] OF_ERROR_CODE = new ProblemCode[ErrorCode.values().length];

    static {
        for (ErrorCode code : ErrorCode.values()) {
            try {
                OF_ERROR_CODE[code.ordinal()] = valueOf(code.name());
            } catch (IllegalArgumentException e) {
                throw new ExceptionInInitializerError("no problem code for " + code);
            }
        }
    }

    /** The code clients see for a refusal of a use case. */
    public static ProblemCode of(ErrorCode code) {
        return OF_ERROR_CODE[code.ordinal()];
    }
}
