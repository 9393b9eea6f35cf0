package com.concert.domain.concert;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BookingWindowTest {

    private static final Instant OPENS = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant CLOSES = Instant.parse("2026-12-24T09:00:00Z");

    @Test
    void isOpenAt_includesTheOpeningInstant_andExcludesTheClosingOne() {
        BookingWindow window = new BookingWindow(OPENS, CLOSES);

        assertThat(window.isOpenAt(OPENS.minusNanos(1))).isFalse();
        assertThat(window.isOpenAt(OPENS)).isTrue();
        assertThat(window.isOpenAt(CLOSES.minusNanos(1))).isTrue();
        assertThat(window.isOpenAt(CLOSES)).isFalse();
    }

    @Test
    void aWindowThatClosesBeforeItOpens_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BookingWindow(CLOSES, OPENS));
        assertThatIllegalArgumentException().isThrownBy(() -> new BookingWindow(OPENS, OPENS));
    }
}
