package com.concert.adapter.in.web.error;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottledLogTest {

    private final AtomicLong now = new AtomicLong(42);
    private final ThrottledLog log = new ThrottledLog(LoggerFactory.getLogger(ThrottledLogTest.class),
            Duration.ofSeconds(10), now::get);

    @Test
    void theFirstOfAKindIsWritten_theRestOfTheIntervalLeftOut_thenOneLineAgain() {
        assertThat(log.warn("database", "refused")).isTrue();
        assertThat(log.warn("database", "refused")).isFalse();
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(log.warn("database", "refused")).isFalse();

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(log.warn("database", "refused")).isTrue();
        assertThat(log.warn("database", "refused")).isFalse();
    }

    @Test
    void eachKeyHasItsOwnInterval() {
        assertThat(log.warn("database", "refused")).isTrue();
        assertThat(log.warn("redis", "refused")).isTrue();
        assertThat(log.warn("database", "refused")).isFalse();
    }
}
