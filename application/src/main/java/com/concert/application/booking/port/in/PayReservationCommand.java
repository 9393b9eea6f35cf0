package com.concert.application.booking.port.in;

import com.concert.application.idempotency.IdempotencyKey;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;
import com.concert.domain.shared.ValidationFailedException;

import java.util.Objects;
import java.util.Optional;

public record PayReservationCommand(UserId userId, String token, Long reservationId,
                                    Optional<IdempotencyKey> idempotencyKey) {

    public PayReservationCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (reservationId == null || reservationId < 1) {
            throw ValidationFailedException.of("reservationId", "must be a positive integer");
        }
    }

    public ReservationId reservation() {
        return new ReservationId(reservationId);
    }
}
