package com.concert.application.booking.port.in;

import com.concert.domain.payment.Payment;

/** An admitted fan pays a held reservation with points. */
public interface PayReservationUseCase {

    /**
     * In one transaction: the reservation becomes CONFIRMED, its seats SOLD, the points are used and recorded,
     * and the payment is stored; then the user's queue slot is freed. With an idempotency key, a repeat
     * answers the first payment, even after the queue token has ended.
     *
     * @throws com.concert.domain.reservation.ReservationNotFoundException   when there is none, or another user's
     * @throws com.concert.domain.queue.TokenMissingException                 when no queue token was presented
     * @throws com.concert.domain.queue.TokenInvalidException                 when it is not the user's for this concert
     * @throws com.concert.domain.queue.TokenNotActiveException               when it is still waiting
     * @throws com.concert.domain.reservation.ReservationExpiredException    when the hold ran out (nothing changes)
     * @throws com.concert.domain.reservation.ReservationNotPayableException when it is paid or cancelled
     * @throws com.concert.domain.point.InsufficientPointsException          when the balance is short (nothing changes)
     * @throws com.concert.application.idempotency.IdempotencyKeyReusedException  when the key came with another request
     */
    Payment pay(PayReservationCommand command);
}
