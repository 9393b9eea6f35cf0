package com.concert.application.booking.port.in;

import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;

/** A fan looks at their reservations. */
public interface GetReservationUseCase {

    /** @throws com.concert.domain.reservation.ReservationNotFoundException when there is none, or it is another user's */
    ReservationView get(UserId user, ReservationId id);

    /** The user's reservations, newest first. */
    Page<ReservationView> list(UserId user, PageRequest page);
}
