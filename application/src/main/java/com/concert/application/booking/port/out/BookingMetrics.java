package com.concert.application.booking.port.out;

import com.concert.domain.payment.Payment;
import com.concert.domain.reservation.Reservation;

/**
 * Where booking reports the sales it made, for operators' dashboards. Each method is called once per event,
 * after its transaction committed: a hold or a payment that was rolled back is not reported, and neither is the
 * answer to a repeated {@code Idempotency-Key}, which changed nothing. Implementations must be cheap and
 * thread-safe (every hold and payment calls them) and must not throw.
 */
public interface BookingMetrics {

    /** A reservation now holds its seats. */
    void held(Reservation reservation);

    /** A reservation was paid: its seats are sold. */
    void paid(Payment payment);
}
