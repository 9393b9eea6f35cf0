package com.concert.adapter.out.persistence.shared;

import com.concert.adapter.out.persistence.shared.DatabaseBreaker.Permit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseBreakerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final DatabaseBreaker breaker = new DatabaseBreaker(Duration.ofSeconds(1), now::get);

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void letsEverybodyThroughWhileTheDatabaseAnswers() {
        for (int i = 0; i < 3; i++) {
            Permit permit = breaker.permit();
            assertThat(permit).isEqualTo(Permit.NORMAL);
            breaker.reached(permit);
        }
        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void afterAnUnreachableDatabase_refusesEverybodyUntilTheProbeInterval_thenLetsOneProbeThrough() {
        breaker.unreachable(breaker.permit());

        assertThat(breaker.permit()).isNull();
        advance(Duration.ofMillis(999));
        assertThat(breaker.permit()).isNull();

        advance(Duration.ofMillis(1));
        assertThat(breaker.permit()).isEqualTo(Permit.PROBE);
        assertThat(breaker.permit()).as("one probe at a time").isNull();
    }

    @Test
    void aProbeThatReachesTheDatabase_letsEverybodyThroughAgain() {
        breaker.unreachable(Permit.NORMAL);
        advance(Duration.ofSeconds(1));
        Permit probe = breaker.permit();

        breaker.reached(probe);

        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.permit()).isEqualTo(Permit.NORMAL);
    }

    @Test
    void aProbeThatFails_refusesEverybodyForAnotherInterval() {
        breaker.unreachable(Permit.NORMAL);
        advance(Duration.ofSeconds(1));
        Permit probe = breaker.permit();

        breaker.unreachable(probe);

        assertThat(breaker.permit()).isNull();
        advance(Duration.ofSeconds(1));
        assertThat(breaker.permit()).isEqualTo(Permit.PROBE);
    }

    @Test
    void aTransactionLetThroughBeforeTheOutageThatEndsWell_doesNotCloseTheBreaker() {
        Permit before = breaker.permit();
        breaker.unreachable(breaker.permit());

        breaker.reached(before);

        assertThat(breaker.isOpen()).as("only a probe proves the database is back").isTrue();
        assertThat(breaker.permit()).isNull();
    }
}
