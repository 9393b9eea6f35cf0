package com.concert.domain.seat;

import com.concert.domain.concert.ScheduleId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SeatTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static Seat seat(SeatStatus status, Instant holdUntil) {
        return Seat.restore(new SeatId(1), new ScheduleId(1), 1, "VIP", 150_000, status, holdUntil);
    }

    @Test
    void aHoldWhoseDeadlinePassed_readsAvailable() {
        Seat held = seat(SeatStatus.HELD, NOW);

        assertThat(held.statusAt(NOW.minusMillis(1))).isEqualTo(SeatStatus.HELD);
        assertThat(held.statusAt(NOW)).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(held.isAvailableAt(NOW.plusSeconds(1))).isTrue();
    }

    @Test
    void soldAndAvailableSeats_doNotChangeWithTime() {
        assertThat(seat(SeatStatus.SOLD, null).statusAt(Instant.MAX)).isEqualTo(SeatStatus.SOLD);
        assertThat(seat(SeatStatus.AVAILABLE, null).statusAt(NOW)).isEqualTo(SeatStatus.AVAILABLE);
    }

    @Test
    void onlyAHeldSeatHasADeadline() {
        assertThatIllegalArgumentException().isThrownBy(() -> seat(SeatStatus.HELD, null));
        assertThatIllegalArgumentException().isThrownBy(() -> seat(SeatStatus.SOLD, NOW));
    }
}
