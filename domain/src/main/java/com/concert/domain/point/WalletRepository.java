package com.concert.domain.point;

import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;

import java.time.Instant;

/**
 * Wallets and their history. Every change is one conditional statement on the wallet row plus the history
 * row, in the caller's transaction, so that under any number of concurrent charges and uses no point is lost
 * or created, the balance never goes negative, and the balance equals the sum of the history.
 */
public interface WalletRepository {

    /** The user's wallet; a user who never charged has 0. */
    Wallet find(UserId user);

    /**
     * Adds {@code amount} unless the balance would pass {@code maxBalance}, and records a CHARGE.
     *
     * @throws BalanceLimitExceededException when it would (nothing changed)
     */
    Wallet charge(UserId user, long amount, long maxBalance, Instant now);

    /**
     * Takes {@code amount} for a reservation if the balance covers it, and records a USE.
     *
     * @throws InsufficientPointsException when it does not (nothing changed)
     */
    Wallet use(UserId user, long amount, ReservationId reservation, Instant now);
}
