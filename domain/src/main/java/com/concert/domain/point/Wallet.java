package com.concert.domain.point;

import com.concert.domain.shared.UserId;

import java.util.Objects;

/** A user's points. A user who never charged has a wallet with 0. */
public record Wallet(UserId userId, long balance) {

    public Wallet {
        Objects.requireNonNull(userId, "userId");
        if (balance < 0) {
            throw new IllegalArgumentException("a balance is never negative");
        }
    }

    public static Wallet empty(UserId user) {
        return new Wallet(user, 0);
    }

    /**
     * @throws InvalidAmountException          when the amount breaks the policy
     * @throws BalanceLimitExceededException   when the balance would pass the policy's maximum
     */
    public Wallet charge(long amount, PointPolicy policy) {
        policy.requireValidCharge(amount);
        if (balance > policy.maxBalance() - amount) {
            throw new BalanceLimitExceededException(policy.maxBalance());
        }
        return new Wallet(userId, balance + amount);
    }

    /** @throws InsufficientPointsException when the balance does not cover {@code amount} */
    public Wallet use(long amount) {
        if (amount < 1) {
            throw new IllegalArgumentException("a use is positive");
        }
        if (balance < amount) {
            throw new InsufficientPointsException(amount, balance);
        }
        return new Wallet(userId, balance - amount);
    }
}
