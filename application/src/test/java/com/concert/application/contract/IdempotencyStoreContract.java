package com.concert.application.contract;

import com.concert.application.idempotency.IdempotencyKey;
import com.concert.application.idempotency.IdempotencyStore;
import com.concert.application.idempotency.IdempotentOutcome;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link IdempotencyStore} promises (see its Javadoc), concurrency included: the waiting of a second
 * claim is what lets a repeat racing the first request answer its result. Each test uses users of its own.
 */
public abstract class IdempotencyStoreContract {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final IdempotencyKey KEY = new IdempotencyKey("pay-once_1");
    private static final AtomicLong USERS = new AtomicLong(3_000_000L + System.nanoTime() % 1_000_000);

    protected abstract IdempotencyStore store();

    /** The transactions the store works in; work that throws must roll back. */
    protected abstract TransactionRunner transactions();

    private static UserId newUser() {
        return new UserId(USERS.incrementAndGet());
    }

    private Optional<IdempotentOutcome> find(UserId user) {
        return transactions().readOnly(() -> store().find(user, KEY));
    }

    /** The way the services use the store: claim, and on success run the effect and complete, in one transaction. */
    private String claimAndComplete(UserId user, String requestHash, String result) {
        return transactions().inTransaction(() -> {
            Optional<IdempotentOutcome> earlier = store().claim(user, KEY, requestHash, NOW);
            if (earlier.isPresent()) {
                return earlier.get().result();
            }
            store().complete(user, KEY, result);
            return result;
        });
    }

    @Test
    void aKeyNobodyUsed_isNotFound_andTheFirstClaimTakesIt() {
        UserId user = newUser();

        assertThat(find(user)).isEmpty();
        String answered = claimAndComplete(user, "payment:7", "42");

        assertThat(answered).isEqualTo("42");
        assertThat(find(user)).contains(new IdempotentOutcome("payment:7", "42"));
    }

    @Test
    void aLaterClaim_answersTheFirstRecord_whateverItAsksFor() {
        UserId user = newUser();
        claimAndComplete(user, "charge:1000", "51000");

        Optional<IdempotentOutcome> same = transactions().inTransaction(() ->
                store().claim(user, KEY, "charge:1000", NOW.plusSeconds(5)));
        Optional<IdempotentOutcome> other = transactions().inTransaction(() ->
                store().claim(user, KEY, "charge:2000", NOW.plusSeconds(5)));

        assertThat(same).contains(new IdempotentOutcome("charge:1000", "51000"));
        assertThat(other).as("the record is not overwritten by another request")
                .contains(new IdempotentOutcome("charge:1000", "51000"));
        assertThat(find(user)).contains(new IdempotentOutcome("charge:1000", "51000"));
    }

    @Test
    void keysBelongToTheirUser() {
        UserId alice = newUser();
        UserId bob = newUser();
        claimAndComplete(alice, "payment:7", "42");

        assertThat(find(bob)).isEmpty();
        assertThat(claimAndComplete(bob, "payment:8", "43")).isEqualTo("43");
        assertThat(find(alice)).contains(new IdempotentOutcome("payment:7", "42"));
    }

    @Test
    void aClaimWhoseTransactionFailed_leavesNoRecord_andTheRetryRunsAgain() {
        UserId user = newUser();

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            store().claim(user, KEY, "payment:7", NOW);
            throw new IllegalStateException("the payment failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(find(user)).isEmpty();
        assertThat(claimAndComplete(user, "payment:7", "42")).isEqualTo("42");
    }

    @Test
    void aClaimRacingOneThatFails_waitsForItsRollback_andThenTakesTheKey() throws Exception {
        UserId user = newUser();
        CountDownLatch claimed = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<?> failing = pool.submit(() -> transactions().inTransaction(() -> {
                store().claim(user, KEY, "payment:7", NOW);
                claimed.countDown();
                sleep(200);
                throw new IllegalStateException("the payment failed");
            }));
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> retry = pool.submit(() -> claimAndComplete(user, "payment:7", "42"));

            assertThat(retry.get()).isEqualTo("42");
            assertThatThrownBy(failing::get).hasCauseInstanceOf(IllegalStateException.class);
        }
        assertThat(find(user)).contains(new IdempotentOutcome("payment:7", "42"));
    }

    @Test
    void fiftyConcurrentClaimsOfOneKey_runTheEffectOnce_andAllAnswerItsResult() throws Exception {
        UserId user = newUser();
        int attempts = 50;
        AtomicInteger effects = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < attempts; i++) {
                String result = "result-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return transactions().inTransaction(() -> {
                        Optional<IdempotentOutcome> earlier = store().claim(user, KEY, "payment:7", NOW);
                        if (earlier.isPresent()) {
                            return earlier.get().result();
                        }
                        effects.incrementAndGet();
                        sleep(20); // the effect takes a moment, while the others are claiming
                        store().complete(user, KEY, result);
                        return result;
                    });
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> answer : answers) {
                results.add(answer.get());
            }
            assertThat(effects).hasValue(1);
            assertThat(results).as("nobody sees the claim before its result").containsOnly(find(user).orElseThrow().result());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
