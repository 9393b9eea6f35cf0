package com.concert.application.booking.port.in;

/** Housekeeping: records run-out holds as EXPIRED and releases their seats (they read free already). */
public interface ExpireHoldsUseCase {

    /** @return how many holds this call expired */
    int expireDueHolds();
}
