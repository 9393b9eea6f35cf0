package com.concert.application.fake;

import com.concert.application.shared.PageRequest;
import com.concert.domain.point.InsufficientPointsException;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner the service tests stand on must roll back as the database does, or "nothing changed" proves nothing. */
class DirectTransactionRunnerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final UserId ALICE = new UserId(1);
    private static final long MAX = 1_000_000;

    private final InMemoryWalletRepository wallets = new InMemoryWalletRepository();
    private final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner(wallets, payments);

    @Test
    void workThatThrows_reachesTheCallerUnchanged_andLeavesEveryStoreAsItWas() {
        transactions.inTransaction(() -> wallets.charge(ALICE, 500, MAX, NOW));
        IllegalStateException failure = new IllegalStateException("changed my mind");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            wallets.use(ALICE, 200, new ReservationId(7), NOW);
            payments.record(new ReservationId(7), ALICE, 200, 300, NOW);
            throw failure;
        })).isSameAs(failure);

        assertThat(wallets.find(ALICE).balance()).isEqualTo(500);
        assertThat(wallets.history(ALICE, new PageRequest(0, 20)).totalItems()).isEqualTo(1);
        assertThat(payments.count()).isZero();
    }

    @Test
    void workThatSucceeds_stays() {
        transactions.inTransaction(() -> wallets.charge(ALICE, 500, MAX, NOW));

        assertThat(transactions.readOnly(() -> wallets.find(ALICE)).balance()).isEqualTo(500);
        assertThat(transactions.readWriteCount()).isEqualTo(1);
        assertThat(transactions.readOnlyCount()).isEqualTo(1);
    }

    @Test
    void aTransactionStartedInsideAnother_joinsIt_andFailsWithIt() {
        WalletRepository repository = wallets;

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            transactions.inTransaction(() -> repository.charge(ALICE, 500, MAX, NOW));
            return repository.use(ALICE, 501, new ReservationId(7), NOW);
        })).isInstanceOf(InsufficientPointsException.class);

        assertThat(wallets.find(ALICE).balance()).as("the inner charge rolled back with the outer work").isZero();
    }
}
