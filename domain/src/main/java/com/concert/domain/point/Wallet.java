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
}
