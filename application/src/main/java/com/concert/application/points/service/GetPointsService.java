package com.concert.application.points.service;

import com.concert.application.points.port.in.GetPointsUseCase;
import com.concert.application.points.port.out.PointHistory;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.point.PointEntry;
import com.concert.domain.point.Wallet;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.shared.UserId;

public final class GetPointsService implements GetPointsUseCase {

    private final WalletRepository wallets;
    private final PointHistory history;
    private final TransactionRunner transactions;

    public GetPointsService(WalletRepository wallets, PointHistory history, TransactionRunner transactions) {
        this.wallets = wallets;
        this.history = history;
        this.transactions = transactions;
    }

    @Override
    public Wallet balance(UserId user) {
        return transactions.readOnly(() -> wallets.find(user));
    }

    @Override
    public Page<PointEntry> history(UserId user, PageRequest page) {
        return transactions.readOnly(() -> history.history(user, page));
    }
}
