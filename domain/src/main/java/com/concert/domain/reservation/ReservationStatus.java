package com.concert.domain.reservation;

/**
 * HELD until paid, cancelled or run out; CONFIRMED, CANCELLED and EXPIRED are final. Only HELD and CONFIRMED
 * reservations own their seats.
 */
public enum ReservationStatus {
    HELD,
    CONFIRMED,
    CANCELLED,
    EXPIRED;
}
