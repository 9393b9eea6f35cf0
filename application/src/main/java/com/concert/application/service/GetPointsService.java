package com.concert.application.service;

import com.concert.application.port.in.GetPointsUseCase;
import com.concert.domain.point.PointEntry;
import com.concert.domain.point.Wallet;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.shared.Page;
import com.concert.domain.shared.PageRequest;
import com.concert.domain.shared.TransactionRunner;
import com.concert.domain.shared.UserId;

public final class GetPointsService implements GetPointsUseCase {

    private final WalletRepository wallets;
    private final TransactionRunner transactions;

    public GetPointsService(WalletRepository wallets, TransactionRunner transactions) {
        this.wallets = wallets;
        this.transactions = transactions;
    }

    @Override
    public Wallet balance(UserId user) {
        return transactions.readOnly(() -> wallets.find(user));
    }

    @Override
    public Page<PointEntry> history(UserId user, PageRequest page) {
        return transactions.readOnly(() -> wallets.history(user, page));
    }
}
