package com.concert.application.fake;

import com.concert.application.contract.WalletRepositoryContract;
import com.concert.application.points.port.out.PointHistory;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.reservation.ReservationId;

class InMemoryWalletRepositoryTest extends WalletRepositoryContract {

    private final InMemoryWalletRepository wallets = new InMemoryWalletRepository();

    @Override
    protected WalletRepository repository() {
        return wallets;
    }

    @Override
    protected PointHistory history() {
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
