package com.concert.application.points.service;

import com.concert.application.idempotency.Idempotency;
import com.concert.application.idempotency.IdempotencyStore;
import com.concert.application.points.port.in.ChargePointsCommand;
import com.concert.application.points.port.in.ChargePointsUseCase;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.point.PointPolicy;
import com.concert.domain.point.Wallet;
import com.concert.domain.point.WalletRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class ChargePointsService implements ChargePointsUseCase {

    private final WalletRepository wallets;
    private final Idempotency idempotency;
    private final TransactionRunner transactions;
    private final PointPolicy policy;
    private final Clock clock;

    public ChargePointsService(WalletRepository wallets, IdempotencyStore idempotency, TransactionRunner transactions,
                               PointPolicy policy, Clock clock) {
        this.wallets = wallets;
        this.idempotency = new Idempotency(idempotency);
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Wallet charge(ChargePointsCommand command) {
        long amount = command.amount();
        policy.requireValidCharge(amount);
        String request = "charge:" + amount;
        // the result stored with a key is the balance this charge left, which is what a repeat answers
        Optional<String> earlier = command.idempotencyKey().isEmpty() ? Optional.empty() : transactions.readOnly(() ->
                idempotency.earlierResult(command.userId(), command.idempotencyKey(), request));
        if (earlier.isPresent()) {
            return new Wallet(command.userId(), Long.parseLong(earlier.get()));
        }
        Instant now = clock.instant();
        Idempotency.Outcome<Wallet> outcome = transactions.inTransaction(() -> idempotency.runInTransaction(
                command.userId(), command.idempotencyKey(), request, now,
                () -> wallets.charge(command.userId(), amount, policy.maxBalance(), now),
                wallet -> Long.toString(wallet.balance())));
        return switch (outcome) {
            case Idempotency.Done<Wallet> done -> done.value();
            case Idempotency.Replay<Wallet> replay -> new Wallet(command.userId(), Long.parseLong(replay.result()));
        };
    }
}
