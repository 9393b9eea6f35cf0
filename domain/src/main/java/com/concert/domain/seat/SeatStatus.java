package com.concert.domain.seat;

public enum SeatStatus {
    AVAILABLE,
    /** Held for a reservation until its deadline; free again the moment the deadline passes. */
    HELD,
    SOLD
}
