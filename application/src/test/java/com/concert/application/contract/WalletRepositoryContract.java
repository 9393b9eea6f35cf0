package com.concert.application.contract;

import com.concert.application.points.port.out.PointHistory;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.point.BalanceLimitExceededException;
import com.concert.domain.point.InsufficientPointsException;
import com.concert.domain.point.PointEntry;
import com.concert.domain.point.PointType;
import com.concert.domain.point.Wallet;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link WalletRepository} promises (see its Javadoc), concurrency included. */
public abstract class WalletRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final long MAX = 100_000_000;
    private static final AtomicLong USERS = new AtomicLong(2_000_000L + System.nanoTime() % 1_000_000);

    protected abstract WalletRepository repository();

    /** The history over the same storage as {@link #repository()}. */
    protected abstract PointHistory history();

    protected abstract TransactionRunner transactions();

    /** A reservation the implementation's storage knows, for USE entries to point at. */
    protected abstract ReservationId aReservation();

    private static UserId newUser() {
        return new UserId(USERS.incrementAndGet());
    }

    private Wallet charge(UserId user, long amount) {
        return transactions().inTransaction(() -> repository().charge(user, amount, MAX, NOW));
    }

    private long sumOfHistory(UserId user) {
        return transactions().readOnly(() -> history().history(user, new PageRequest(0, 100))).items().stream()
                .mapToLong(PointEntry::signedAmount).sum();
    }

    @Test
    void aNewUserHasNothing() {
        UserId user = newUser();

        assertThat(transactions().readOnly(() -> repository().find(user)).balance()).isZero();
        assertThat(transactions().readOnly(() -> history().history(user, new PageRequest(0, 20))).items()).isEmpty();
    }

    @Test
    void chargingAndUsing_moveTheBalance_andWriteTheHistory_newestFirst() {
        UserId user = newUser();
        ReservationId reservation = aReservation();

        charge(user, 50_000);
        charge(user, 30_000);
        Wallet after = transactions().inTransaction(() -> repository().use(user, 60_000, reservation, NOW));

        assertThat(after.balance()).isEqualTo(20_000);
        Page<PointEntry> history = transactions().readOnly(() -> history().history(user, new PageRequest(0, 20)));
        assertThat(history.items()).extracting(PointEntry::type)
                .containsExactly(PointType.USE, PointType.CHARGE, PointType.CHARGE);
        assertThat(history.items()).extracting(PointEntry::balanceAfter).containsExactly(20_000L, 80_000L, 50_000L);
        assertThat(history.items().getFirst().reservationId()).isEqualTo(reservation);
        assertThat(sumOfHistory(user)).isEqualTo(20_000);
    }

    @Test
    void aChargePastTheMaximum_changesNothing() {
        UserId user = newUser();
        transactions().inTransaction(() -> repository().charge(user, 90, 100, NOW));

        assertThatThrownBy(() -> transactions().inTransaction(() -> repository().charge(user, 11, 100, NOW)))
                .isInstanceOf(BalanceLimitExceededException.class);
        assertThat(transactions().inTransaction(() -> repository().charge(user, 10, 100, NOW)).balance()).isEqualTo(100);
        assertThat(sumOfHistory(user)).isEqualTo(100);
    }

    @Test
    void aUseTheBalanceDoesNotCover_changesNothing() {
        UserId user = newUser();
        charge(user, 100);

        assertThatThrownBy(() -> transactions().inTransaction(() -> repository().use(user, 101, aReservation(), NOW)))
                .isInstanceOf(InsufficientPointsException.class);
        assertThat(transactions().readOnly(() -> repository().find(user)).balance()).isEqualTo(100);
        assertThat(sumOfHistory(user)).isEqualTo(100);
    }

    @Test
    void twoHundredConcurrentCharges_addUpExactly() throws Exception {
        UserId user = newUser();
        int charges = 200;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Wallet>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (int i = 1; i <= charges; i++) {
                long amount = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return charge(user, amount);
                }));
            }
            start.countDown();
            for (Future<Wallet> result : results) {
                result.get();
            }
        }
        long expected = (long) charges * (charges + 1) / 2;
        assertThat(transactions().readOnly(() -> repository().find(user)).balance()).isEqualTo(expected);
        assertThat(transactions().readOnly(() -> history().history(user, new PageRequest(0, 100))).totalItems())
                .isEqualTo(charges);
    }
}
