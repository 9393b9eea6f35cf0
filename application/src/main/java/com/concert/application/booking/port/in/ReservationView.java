package com.concert.application.booking.port.in;

import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationStatus;

import java.time.Instant;

/** A reservation as its owner sees it at {@code at}: a hold past its deadline reads EXPIRED. */
public record ReservationView(Reservation reservation, Instant at) {

    public ReservationStatus status() {
        return reservation.statusAt(at);
    }
}
