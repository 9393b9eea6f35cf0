package com.concert.application.fake;

import com.concert.application.points.port.out.PointHistory;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.point.BalanceLimitExceededException;
import com.concert.domain.point.InsufficientPointsException;
import com.concert.domain.point.PointEntry;
import com.concert.domain.point.PointType;
import com.concert.domain.point.Wallet;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Wallets in memory, with the domain's own rules; atomic because every method is synchronized. */
public final class InMemoryWalletRepository implements WalletRepository, PointHistory, InMemoryStore {

    private final Map<UserId, Wallet> wallets = new HashMap<>();
    private final List<PointEntry> history = new ArrayList<>();

    @Override
    public synchronized Wallet find(UserId user) {
        return wallets.getOrDefault(user, Wallet.empty(user));
    }

    @Override
    public synchronized Wallet charge(UserId user, long amount, long maxBalance, Instant now) {
        Wallet wallet = find(user);
        if (wallet.balance() > maxBalance - amount) {
            throw new BalanceLimitExceededException(maxBalance);
        }
        return record(new Wallet(user, wallet.balance() + amount), PointType.CHARGE, amount, null, now);
    }

    @Override
    public synchronized Wallet use(UserId user, long amount, ReservationId reservation, Instant now) {
        Wallet wallet = find(user);
        if (wallet.balance() < amount) {
            throw new InsufficientPointsException(amount, wallet.balance());
        }
        return record(new Wallet(user, wallet.balance() - amount), PointType.USE, amount, reservation, now);
    }

    @Override
    public synchronized Page<PointEntry> history(UserId user, PageRequest page) {
        List<PointEntry> mine = history.stream().filter(e -> e.userId().equals(user)).toList().reversed();
        return Page.of(mine.stream().skip(page.offset()).limit(page.size()).toList(), page, mine.size());
    }

    @Override
    public synchronized Runnable savepoint() {
        Map<UserId, Wallet> savedWallets = new HashMap<>(wallets);
        List<PointEntry> savedHistory = new ArrayList<>(history);
        return () -> {
            synchronized (this) {
                wallets.clear();
                wallets.putAll(savedWallets);
                history.clear();
                history.addAll(savedHistory);
            }
        };
    }

    private Wallet record(Wallet wallet, PointType type, long amount, ReservationId reservation, Instant now) {
        wallets.put(wallet.userId(), wallet);
        history.add(new PointEntry(history.size() + 1, wallet.userId(), type, amount, wallet.balance(), now, reservation));
        return wallet;
    }
}
