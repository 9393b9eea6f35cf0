package com.concert.domain.reservation;

import com.concert.domain.seat.SeatId;

import java.util.Objects;

/** A seat as a reservation holds it: the price is the one at the moment of the hold. */
public record ReservedSeat(SeatId id, int number, String grade, long price) {

    public ReservedSeat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(grade, "grade");
        if (number < 1 || price < 1) {
            throw new IllegalArgumentException("a reserved seat has a number and a positive price");
        }
    }
}
