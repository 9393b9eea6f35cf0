package com.concert.adapter.in.web.error;

import com.concert.domain.shared.ErrorCode;
import org.springframework.http.HttpStatus;

import java.util.EnumMap;
import java.util.Map;

/** The one place that says which HTTP status each {@link ErrorCode} is answered with. */
public final class ErrorStatus {

    private static final Map<ErrorCode, HttpStatus> STATUS = new EnumMap<>(ErrorCode.class);

    static {
        STATUS.put(ErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED);
        STATUS.put(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
        STATUS.put(ErrorCode.TOKEN_MISSING, HttpStatus.UNAUTHORIZED);
        STATUS.put(ErrorCode.TOKEN_INVALID, HttpStatus.UNAUTHORIZED);
        STATUS.put(ErrorCode.TOKEN_NOT_ACTIVE, HttpStatus.FORBIDDEN);
        STATUS.put(ErrorCode.CONCERT_NOT_FOUND, HttpStatus.NOT_FOUND);
        STATUS.put(ErrorCode.CONCERT_NOT_AVAILABLE, HttpStatus.CONFLICT);
        STATUS.put(ErrorCode.SCHEDULE_NOT_FOUND, HttpStatus.NOT_FOUND);
        STATUS.put(ErrorCode.SEAT_NOT_FOUND, HttpStatus.NOT_FOUND);
        STATUS.put(ErrorCode.SEAT_UNAVAILABLE, HttpStatus.CONFLICT);
        STATUS.put(ErrorCode.SEAT_LIMIT_EXCEEDED, HttpStatus.CONFLICT);
        STATUS.put(ErrorCode.RESERVATION_NOT_FOUND, HttpStatus.NOT_FOUND);
        STATUS.put(ErrorCode.RESERVATION_EXPIRED, HttpStatus.CONFLICT);
        STATUS.put(ErrorCode.RESERVATION_NOT_PAYABLE, HttpStatus.CONFLICT);
        STATUS.put(ErrorCode.RESERVATION_NOT_CANCELLABLE, HttpStatus.CONFLICT);
        STATUS.put(ErrorCode.INVALID_AMOUNT, HttpStatus.BAD_REQUEST);
        STATUS.put(ErrorCode.BALANCE_LIMIT_EXCEEDED, HttpStatus.CONFLICT);
        STATUS.put(ErrorCode.INSUFFICIENT_POINTS, HttpStatus.CONFLICT);
        STATUS.put(ErrorCode.IDEMPOTENCY_KEY_REUSED, HttpStatus.CONFLICT);
        STATUS.put(ErrorCode.MALFORMED_REQUEST, HttpStatus.BAD_REQUEST);
        STATUS.put(ErrorCode.VALIDATION_FAILED, HttpStatus.BAD_REQUEST);
        STATUS.put(ErrorCode.NOT_FOUND, HttpStatus.NOT_FOUND);
        STATUS.put(ErrorCode.METHOD_NOT_ALLOWED, HttpStatus.METHOD_NOT_ALLOWED);
        STATUS.put(ErrorCode.NOT_ACCEPTABLE, HttpStatus.NOT_ACCEPTABLE);
        STATUS.put(ErrorCode.UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        STATUS.put(ErrorCode.PAYLOAD_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE);
        STATUS.put(ErrorCode.RATE_LIMITED, HttpStatus.TOO_MANY_REQUESTS);
        STATUS.put(ErrorCode.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE);
        STATUS.put(ErrorCode.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR);
        for (ErrorCode code : ErrorCode.values()) {
            if (!STATUS.containsKey(code)) {
                throw new ExceptionInInitializerError("no HTTP status for " + code);
            }
        }
    }

    private ErrorStatus() {
    }

    public static HttpStatus of(ErrorCode code) {
        return STATUS.get(code);
    }

    /** The code a bare status stands for, when nothing more specific is known (errors raised outside MVC). */
    public static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.MALFORMED_REQUEST;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
    }
}
