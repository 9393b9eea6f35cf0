package com.concert.adapter.out.persistence.shared;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The breaker's settings: one unreachable answer opens it, one probe at a time closes it. */
class DatabaseBreakerTest {

    private static final SQLException UNREACHABLE = new SQLException("Connection refused", "08001");

    private static final Duration PAST_THE_INTERVAL = Duration.ofMillis(1_001);

    private final MovableClock clock = new MovableClock();
    private final CircuitBreaker breaker = DatabaseBreaker.create(Duration.ofSeconds(1), clock);

    private void unreachable() {
        breaker.onError(1, TimeUnit.MILLISECONDS, UNREACHABLE);
    }

    private void reached() {
        breaker.onSuccess(1, TimeUnit.MILLISECONDS);
    }

    @Test
    void letsEverybodyThroughWhileTheDatabaseAnswers() {
        for (int i = 0; i < 3; i++) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            reached();
        }
        assertThat(breaker.getState()).isEqualTo(State.CLOSED);
    }

    @Test
    void oneUnreachableAnswer_opensIt_evenAfterManyGoodOnes() {
        for (int i = 0; i < 100; i++) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            reached();
        }
        assertThat(breaker.tryAcquirePermission()).isTrue();

        unreachable();

        assertThat(breaker.getState()).isEqualTo(State.OPEN);
    }

    @Test
    void afterAnUnreachableDatabase_refusesEverybodyUntilTheProbeInterval_thenLetsOneProbeThrough() {
        breaker.tryAcquirePermission();
        unreachable();

        assertThat(breaker.tryAcquirePermission()).isFalse();
        clock.advance(Duration.ofMillis(1_000));
        assertThat(breaker.tryAcquirePermission()).isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(breaker.tryAcquirePermission()).as("the probe").isTrue();
        assertThat(breaker.tryAcquirePermission()).as("one probe at a time").isFalse();
        assertThat(breaker.getState()).isEqualTo(State.HALF_OPEN);
    }

    @Test
    void aProbeThatReachesTheDatabase_letsEverybodyThroughAgain() {
        unreachable();
        clock.advance(PAST_THE_INTERVAL);
        assertThat(breaker.tryAcquirePermission()).isTrue();

        reached();

        assertThat(breaker.getState()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isTrue();
    }

    @Test
    void aProbeThatFails_refusesEverybodyForAnotherInterval() {
        unreachable();
        clock.advance(PAST_THE_INTERVAL);
        assertThat(breaker.tryAcquirePermission()).isTrue();

        unreachable();

        assertThat(breaker.getState()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquirePermission()).isFalse();
        clock.advance(PAST_THE_INTERVAL);
        assertThat(breaker.tryAcquirePermission()).isTrue();
    }

    @Test
    void aTransactionLetThroughBeforeTheOutageThatEndsWell_doesNotCloseTheBreaker() {
        assertThat(breaker.tryAcquirePermission()).as("before the outage").isTrue();
        assertThat(breaker.tryAcquirePermission()).isTrue();
        unreachable();

        reached();

        assertThat(breaker.getState()).as("only a probe proves the database is back").isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquirePermission()).isFalse();
    }

    @Test
    void aSlowDatabase_isNotAnOutage() {
        for (int i = 0; i < 10; i++) {
            breaker.tryAcquirePermission();
            breaker.onSuccess(30, TimeUnit.SECONDS);
        }
        assertThat(breaker.getState()).isEqualTo(State.CLOSED);
    }

    @Test
    void itsStateIsPublishedAsAMetric() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CircuitBreaker published = DatabaseBreaker.create(Duration.ofSeconds(1), clock, meters);

        published.onError(1, TimeUnit.MILLISECONDS, UNREACHABLE);

        assertThat(meters.get("resilience4j.circuitbreaker.state").tag("name", "database").tag("state", "open")
                .gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("resilience4j.circuitbreaker.state").tag("name", "database").tag("state", "closed")
                .gauge().value()).isEqualTo(0.0);
    }
}
