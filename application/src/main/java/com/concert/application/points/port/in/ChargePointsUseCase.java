package com.concert.application.points.port.in;

import com.concert.domain.point.Wallet;

/** A fan tops up their points. */
public interface ChargePointsUseCase {

    /**
     * Adds the amount and records a CHARGE; with an idempotency key, a repeat answers the first result.
     *
     * @throws com.concert.domain.point.InvalidAmountException                when the amount is 0, negative or too large
     * @throws com.concert.domain.point.BalanceLimitExceededException         when the balance would pass its maximum
     * @throws com.concert.application.idempotency.IdempotencyKeyReusedException   when the key came with another request
     */
    Wallet charge(ChargePointsCommand command);
}
