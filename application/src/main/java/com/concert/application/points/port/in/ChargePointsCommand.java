package com.concert.application.points.port.in;

import com.concert.application.idempotency.IdempotencyKey;
import com.concert.domain.shared.UserId;
import com.concert.domain.shared.ValidationFailedException;

import java.util.Objects;
import java.util.Optional;

/**
 * A charge as the client asked for it. A missing amount is a malformed request; a present one out of range is
 * left for the use case to refuse as an invalid amount.
 */
public record ChargePointsCommand(UserId userId, Long amount, Optional<IdempotencyKey> idempotencyKey) {

    public ChargePointsCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (amount == null) {
            throw ValidationFailedException.of("amount", "is required");
        }
    }
}
