package com.concert.domain.shared;

/**
 * Every way a use case can refuse a request: a broken rule of the model, a bad token or command, a rate limit, a
 * dependency that is down. Clients see it, by the same name, in the {@code code} member of an error; the web
 * adapter adds the codes only HTTP has and maps each code to exactly one status.
 */
public enum ErrorCode {
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
    VALIDATION_FAILED,
    RATE_LIMITED,
    SERVICE_UNAVAILABLE
}
