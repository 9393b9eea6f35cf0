package com.concert.application.booking.port.out;

import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.shared.UserId;

/** A user's reservations as {@link com.concert.domain.reservation.ReservationRepository} stores them, for reading. */
public interface ReservationHistory {

    /** The user's reservations, newest first. */
    Page<Reservation> findByUser(UserId user, PageRequest page);
}
