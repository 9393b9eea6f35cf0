package com.concert.adapter.in.web.error;

import org.springframework.http.HttpStatus;

import java.util.EnumMap;
import java.util.Map;

/** The one place that says which HTTP status each {@link ProblemCode} is answered with. */
public final class ErrorStatus {

    private static final Map<ProblemCode, HttpStatus> STATUS = new EnumMap<>(ProblemCode.class);

    static {
        STATUS.put(ProblemCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED);
        STATUS.put(ProblemCode.FORBIDDEN, HttpStatus.FORBIDDEN);
        STATUS.put(ProblemCode.TOKEN_MISSING, HttpStatus.UNAUTHORIZED);
        STATUS.put(ProblemCode.TOKEN_INVALID, HttpStatus.UNAUTHORIZED);
        STATUS.put(ProblemCode.TOKEN_NOT_ACTIVE, HttpStatus.FORBIDDEN);
        STATUS.put(ProblemCode.CONCERT_NOT_FOUND, HttpStatus.NOT_FOUND);
        STATUS.put(ProblemCode.CONCERT_NOT_AVAILABLE, HttpStatus.CONFLICT);
        STATUS.put(ProblemCode.SCHEDULE_NOT_FOUND, HttpStatus.NOT_FOUND);
        STATUS.put(ProblemCode.SEAT_NOT_FOUND, HttpStatus.NOT_FOUND);
        STATUS.put(ProblemCode.SEAT_UNAVAILABLE, HttpStatus.CONFLICT);
        STATUS.put(ProblemCode.SEAT_LIMIT_EXCEEDED, HttpStatus.CONFLICT);
        STATUS.put(ProblemCode.RESERVATION_NOT_FOUND, HttpStatus.NOT_FOUND);
        STATUS.put(ProblemCode.RESERVATION_EXPIRED, HttpStatus.CONFLICT);
        STATUS.put(ProblemCode.RESERVATION_NOT_PAYABLE, HttpStatus.CONFLICT);
        STATUS.put(ProblemCode.RESERVATION_NOT_CANCELLABLE, HttpStatus.CONFLICT);
        STATUS.put(ProblemCode.INVALID_AMOUNT, HttpStatus.BAD_REQUEST);
        STATUS.put(ProblemCode.BALANCE_LIMIT_EXCEEDED, HttpStatus.CONFLICT);
        STATUS.put(ProblemCode.INSUFFICIENT_POINTS, HttpStatus.CONFLICT);
        STATUS.put(ProblemCode.IDEMPOTENCY_KEY_REUSED, HttpStatus.CONFLICT);
        STATUS.put(ProblemCode.MALFORMED_REQUEST, HttpStatus.BAD_REQUEST);
        STATUS.put(ProblemCode.VALIDATION_FAILED, HttpStatus.BAD_REQUEST);
        STATUS.put(ProblemCode.NOT_FOUND, HttpStatus.NOT_FOUND);
        STATUS.put(ProblemCode.METHOD_NOT_ALLOWED, HttpStatus.METHOD_NOT_ALLOWED);
        STATUS.put(ProblemCode.NOT_ACCEPTABLE, HttpStatus.NOT_ACCEPTABLE);
        STATUS.put(ProblemCode.UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        STATUS.put(ProblemCode.PAYLOAD_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE);
        STATUS.put(ProblemCode.RATE_LIMITED, HttpStatus.TOO_MANY_REQUESTS);
        STATUS.put(ProblemCode.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE);
        STATUS.put(ProblemCode.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR);
        for (ProblemCode code : ProblemCode.values()) {
            if (!STATUS.containsKey(code)) {
                throw new ExceptionInInitializerError("no HTTP status for " + code);
            }
        }
    }

    private ErrorStatus() {
    }

    public static HttpStatus of(ProblemCode code) {
        return STATUS.get(code);
    }

    /** The code a bare status stands for, when nothing more specific is known (errors raised outside MVC). */
    public static ProblemCode codeFor(int status) {
        return switch (status) {
            case 400 -> ProblemCode.MALFORMED_REQUEST;
            case 401 -> ProblemCode.UNAUTHENTICATED;
            case 403 -> ProblemCode.FORBIDDEN;
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCode.NOT_ACCEPTABLE;
            case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ProblemCode.RATE_LIMITED;
            case 503 -> ProblemCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ProblemCode.INTERNAL_ERROR : ProblemCode.MALFORMED_REQUEST;
        };
    }
}
