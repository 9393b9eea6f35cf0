package com.concert.application.fake;

import com.concert.domain.point.WalletRepository;
import com.concert.domain.point.WalletRepositoryContract;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.TransactionRunner;

class InMemoryWalletRepositoryTest extends WalletRepositoryContract {

    private final InMemoryWalletRepository wallets = new InMemoryWalletRepository();

    @Override
    protected WalletRepository repository() {
        return wallets;
    }

    @Override
    protected TransactionRunner transactions() {
        return new DirectTransactionRunner();
    }

    @Override
    protected ReservationId aReservation() {
        return new ReservationId(1);
    }
}
