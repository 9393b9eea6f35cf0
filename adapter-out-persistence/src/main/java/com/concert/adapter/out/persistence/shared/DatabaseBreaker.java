package com.concert.adapter.out.persistence.shared;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * The breaker that stops requests from queueing for a database that cannot be reached, on Resilience4j's
 * {@link CircuitBreaker}. Once a transaction finds the database unreachable, every transaction for the next
 * {@code openFor} is refused at once instead of waiting out the pool's connection timeout; after that, one
 * transaction at a time is let through as a probe, and the first probe that reaches the database lets everybody
 * through again. Only what the caller reports as unreachable counts as a failure: a pool that is merely busy,
 * a constraint or a timeout never trips it.
 */
final class DatabaseBreaker {

    static final String NAME = "database";

    private static final Logger log = LoggerFactory.getLogger(DatabaseBreaker.class);

    private DatabaseBreaker() {
    }

    static CircuitBreaker create(Duration openFor, Clock clock) {
        return create(openFor, clock, null);
    }

    /**
     * @param meters where its state and calls are published ({@code resilience4j_circuitbreaker_state{name="database"}}
     *               and friends), or {@code null}
     */
    static CircuitBreaker create(Duration openFor, Clock clock, MeterRegistry meters) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                // the last call decides: one unreachable answer is enough, as waiting for a rate would let the
                // requests already in the pool wait out its timeout one by one. (The lock-free window of 2.4.0
                // fails with a NullPointerException at size 1; the synchronized one does not pin virtual threads
                // on JDK 24+.)
                .slidingWindow(1, 1, SlidingWindowType.COUNT_BASED, SlidingWindowSynchronizationStrategy.SYNCHRONIZED)
                .failureRateThreshold(100)
                .waitDurationInOpenState(openFor)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .permittedNumberOfCallsInHalfOpenState(1)
                // a probe that hangs is bounded by the transaction timeout, not by the breaker
                .maxWaitDurationInHalfOpenState(Duration.ZERO)
                // a slow database is the pool's business (its connection timeout sheds load), not an outage
                .slowCallRateThreshold(100)
                .slowCallDurationThreshold(Duration.ofDays(1))
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
        CircuitBreaker breaker = registry.circuitBreaker(NAME);
        if (meters != null) {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        }
        breaker.getEventPublisher().onStateTransition(event -> {
            switch (event.getStateTransition().getToState()) {
                case OPEN -> {
                    if (event.getStateTransition().getFromState() == CircuitBreaker.State.CLOSED) {
                        log.warn("The database cannot be reached; refusing transactions at once, probing every {} ms",
                                openFor.toMillis());
                    }
                }
                case CLOSED -> log.info("The database answers again");
                default -> { }
            }
        });
        return breaker;
    }
}
