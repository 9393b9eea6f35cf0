package com.concert.application.points.service;

import com.concert.application.fake.DirectTransactionRunner;
import com.concert.application.fake.InMemoryWalletRepository;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.point.PointEntry;
import com.concert.domain.point.PointType;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class GetPointsServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final long MAX = 10_000_000;
    private static final UserId ALICE = new UserId(1);
    private static final UserId BOB = new UserId(2);

    private final InMemoryWalletRepository wallets = new InMemoryWalletRepository();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner(wallets);
    private final GetPointsService service = new GetPointsService(wallets, wallets, transactions);

    @Test
    void aUserWhoNeverCharged_hasNothing() {
        assertThat(service.balance(ALICE).balance()).isZero();
        assertThat(service.history(ALICE, new PageRequest(0, 20)).items()).isEmpty();
    }

    @Test
    void theBalance_andTheHistory_newestFirst_pageByPage() {
        ReservationId reservation = new ReservationId(7);
        transactions.inTransaction(() -> wallets.charge(ALICE, 50_000, MAX, NOW));
        transactions.inTransaction(() -> wallets.charge(ALICE, 30_000, MAX, NOW.plusSeconds(1)));
        transactions.inTransaction(() -> wallets.use(ALICE, 60_000, reservation, NOW.plusSeconds(2)));
        transactions.inTransaction(() -> wallets.charge(BOB, 1_000, MAX, NOW));

        Page<PointEntry> first = service.history(ALICE, new PageRequest(0, 2));
        Page<PointEntry> second = service.history(ALICE, new PageRequest(1, 2));

        assertThat(service.balance(ALICE).balance()).isEqualTo(20_000);
        assertThat(first.items()).extracting(PointEntry::type).containsExactly(PointType.USE, PointType.CHARGE);
        assertThat(first.items()).extracting(PointEntry::balanceAfter).containsExactly(20_000L, 80_000L);
        assertThat(first.items().getFirst().reservationId()).isEqualTo(reservation);
        assertThat(second.items()).extracting(PointEntry::amount).containsExactly(50_000L);
        assertThat(first.totalItems()).isEqualTo(3);
        assertThat(first.items()).extracting(PointEntry::userId).containsOnly(ALICE);
        assertThat(service.history(BOB, new PageRequest(0, 20)).items()).singleElement()
                .satisfies(entry -> assertThat(entry.amount()).isEqualTo(1_000));
    }

    @Test
    void theBalance_equalsTheSumOfTheHistory() {
        transactions.inTransaction(() -> wallets.charge(ALICE, 7_000, MAX, NOW));
        transactions.inTransaction(() -> wallets.use(ALICE, 2_500, new ReservationId(1), NOW));
        transactions.inTransaction(() -> wallets.charge(ALICE, 400, MAX, NOW));

        long sum = service.history(ALICE, new PageRequest(0, 100)).items().stream()
                .mapToLong(PointEntry::signedAmount).sum();

        assertThat(service.balance(ALICE).balance()).isEqualTo(sum).isEqualTo(4_900);
    }
}
