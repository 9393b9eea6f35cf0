package com.concert.application.points.service;

import com.concert.application.fake.DirectTransactionRunner;
import com.concert.application.fake.InMemoryIdempotencyStore;
import com.concert.application.fake.InMemoryWalletRepository;
import com.concert.application.idempotency.IdempotencyKey;
import com.concert.application.idempotency.IdempotencyKeyReusedException;
import com.concert.application.points.port.in.ChargePointsCommand;
import com.concert.application.shared.PageRequest;
import com.concert.domain.point.BalanceLimitExceededException;
import com.concert.domain.point.InvalidAmountException;
import com.concert.domain.point.PointEntry;
import com.concert.domain.point.PointPolicy;
import com.concert.domain.point.PointType;
import com.concert.domain.point.Wallet;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;
import com.concert.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChargePointsServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final PointPolicy POLICY = new PointPolicy(1_000_000, 3_000_000);
    private static final UserId ALICE = new UserId(1);
    private static final UserId BOB = new UserId(2);

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryWalletRepository wallets = new InMemoryWalletRepository();
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner(wallets, idempotency);
    private final ChargePointsService service = new ChargePointsService(wallets, idempotency, transactions, POLICY, clock);

    private Wallet charge(UserId user, long amount, String key) {
        return service.charge(new ChargePointsCommand(user, amount, Optional.ofNullable(key).map(IdempotencyKey::new)));
    }

    private List<PointEntry> history(UserId user) {
        return wallets.history(user, new PageRequest(0, PageRequest.MAX_SIZE)).items();
    }

    private void assertBalance(UserId user, long balance) {
        assertThat(wallets.find(user).balance()).isEqualTo(balance);
        assertThat(history(user).stream().mapToLong(PointEntry::signedAmount).sum()).isEqualTo(balance);
    }

    @Test
    void charge_addsTheAmount_andRecordsACharge() {
        charge(ALICE, 50_000, null);
        clock.advance(Duration.ofMinutes(1));

        Wallet wallet = charge(ALICE, 30_000, null);

        assertThat(wallet).isEqualTo(new Wallet(ALICE, 80_000));
        assertBalance(ALICE, 80_000);
        assertThat(history(ALICE).getFirst()).satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(PointType.CHARGE);
            assertThat(entry.amount()).isEqualTo(30_000);
            assertThat(entry.balanceAfter()).isEqualTo(80_000);
            assertThat(entry.createdAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
            assertThat(entry.reservationId()).isNull();
        });
    }

    @Test
    void zero_negative_orMoreThanOneChargeMayAdd_isAnInvalidAmount_andChangesNothing() {
        assertThatThrownBy(() -> charge(ALICE, 0, null)).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> charge(ALICE, -1, null)).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> charge(ALICE, POLICY.maxCharge() + 1, "top-up-1"))
                .isInstanceOf(InvalidAmountException.class);

        assertBalance(ALICE, 0);
        assertThat(history(ALICE)).isEmpty();
        assertThat(charge(ALICE, POLICY.maxCharge(), "top-up-1").balance())
                .as("the refused amount did not spend the key").isEqualTo(POLICY.maxCharge());
    }

    @Test
    void anInvalidAmount_isRefusedBeforeTheKeyIsLookedAt() {
        charge(ALICE, 1_000, "top-up-1");

        assertThatThrownBy(() -> charge(ALICE, 0, "top-up-1")).isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void aChargePastTheMaximumBalance_isRefused_andChangesNothing() {
        charge(ALICE, 1_000_000, null);
        charge(ALICE, 1_000_000, null);
        charge(ALICE, 999_999, null);

        assertThatThrownBy(() -> charge(ALICE, 2, "top-up-1")).isInstanceOf(BalanceLimitExceededException.class);

        assertBalance(ALICE, 2_999_999);
        assertThat(history(ALICE)).hasSize(3);
        assertThat(charge(ALICE, 1, null).balance()).as("up to the maximum exactly").isEqualTo(POLICY.maxBalance());
    }

    @Test
    void aChargeRefusedForTheBalanceLimit_leavesItsKeyFree_forARetryOnceThereIsRoom() {
        charge(ALICE, 1_000_000, null);
        charge(ALICE, 1_000_000, null);
        charge(ALICE, 1_000_000, null);
        assertThatThrownBy(() -> charge(ALICE, 500, "top-up-1")).isInstanceOf(BalanceLimitExceededException.class);

        transactions.inTransaction(() -> wallets.use(ALICE, 1_000, new ReservationId(7), NOW));

        assertThat(charge(ALICE, 500, "top-up-1").balance()).isEqualTo(2_999_500);
        assertBalance(ALICE, 2_999_500);
    }

    @Test
    void aRepeatWithTheSameKey_answersTheFirstBalance_andChargesOnce() {
        Wallet first = charge(ALICE, 10_000, "top-up-1");
        charge(ALICE, 5_000, null);

        Wallet again = charge(ALICE, 10_000, "top-up-1");

        assertThat(again).as("the balance the first charge left, not today's").isEqualTo(first);
        assertThat(first.balance()).isEqualTo(10_000);
        assertBalance(ALICE, 15_000);
        assertThat(history(ALICE)).hasSize(2);
    }

    @Test
    void theSameKeyWithAnotherAmount_isRefused_andChangesNothing() {
        charge(ALICE, 10_000, "top-up-1");

        assertThatThrownBy(() -> charge(ALICE, 20_000, "top-up-1")).isInstanceOf(IdempotencyKeyReusedException.class);

        assertBalance(ALICE, 10_000);
        assertThat(history(ALICE)).hasSize(1);
    }

    @Test
    void keysBelongToTheirUser() {
        charge(ALICE, 10_000, "top-up-1");

        assertThat(charge(BOB, 20_000, "top-up-1").balance()).isEqualTo(20_000);
        assertBalance(ALICE, 10_000);
    }

    @Test
    void withoutAKey_twoEqualChargesBothCount() {
        charge(ALICE, 10_000, null);
        charge(ALICE, 10_000, null);

        assertBalance(ALICE, 20_000);
    }

    @Test
    void aHundredConcurrentRepeatsWithOneKey_chargeOnce_andAllAnswerTheSameBalance() throws Exception {
        int repeats = 100;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Wallet>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < repeats; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return charge(ALICE, 10_000, "top-up-1");
                }));
            }
            start.countDown();
            Set<Wallet> distinct = new HashSet<>();
            for (Future<Wallet> answer : answers) {
                distinct.add(answer.get());
            }
            assertThat(distinct).containsExactly(new Wallet(ALICE, 10_000));
        }
        assertBalance(ALICE, 10_000);
        assertThat(history(ALICE)).hasSize(1);
    }
}
