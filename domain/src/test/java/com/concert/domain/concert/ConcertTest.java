package com.concert.domain.concert;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcertTest {

    private static final ConcertId ID = new ConcertId(1);
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private static Schedule schedule(long id, Instant opensAt, Instant performanceAt) {
        return new Schedule(new ScheduleId(id), ID, performanceAt, new BookingWindow(opensAt, performanceAt), 50);
    }

    @Test
    void aConcertIsBookable_whileOneOfItsWindowsIsOpen() {
        Schedule past = schedule(1, NOW.minus(DAY.multipliedBy(9)), NOW.minus(DAY));
        Schedule open = schedule(2, NOW.minus(DAY), NOW.plus(DAY));
        Schedule future = schedule(3, NOW.plus(DAY), NOW.plus(DAY.multipliedBy(9)));

        assertThat(new Concert(ID, "t", "v", List.of(past, open, future)).isBookableAt(NOW)).isTrue();
        assertThat(new Concert(ID, "t", "v", List.of(past, open, future)).bookableSchedulesAt(NOW)).containsExactly(open);
        assertThat(new Concert(ID, "t", "v", List.of(past, future)).isBookableAt(NOW)).isFalse();
    }

    @Test
    void requireBookableAt_refusesAConcertWhoseWindowsAreAllClosed() {
        Concert notYetOpen = new Concert(ID, "t", "v", List.of(schedule(1, NOW.plus(DAY), NOW.plus(DAY.multipliedBy(2)))));
        Concert open = new Concert(ID, "t", "v", List.of(schedule(1, NOW.minus(DAY), NOW.plus(DAY))));

        assertThatThrownBy(() -> notYetOpen.requireBookableAt(NOW))
                .isInstanceOf(ConcertNotAvailableException.class)
                .hasMessageContaining("Concert 1");
        assertThatNoException().isThrownBy(() -> open.requireBookableAt(NOW));
    }

    @Test
    void schedulesAreKeptInPerformanceOrder_andSpanTheFirstToTheLastPerformance() {
        Schedule late = schedule(1, NOW, NOW.plus(DAY.multipliedBy(5)));
        Schedule early = schedule(2, NOW, NOW.plus(DAY));

        Concert concert = new Concert(ID, "t", "v", List.of(late, early));

        assertThat(concert.schedules()).containsExactly(early, late);
        assertThat(concert.firstPerformanceAt()).isEqualTo(NOW.plus(DAY));
        assertThat(concert.lastPerformanceAt()).isEqualTo(NOW.plus(DAY.multipliedBy(5)));
    }

    @Test
    void aScheduleOfAnotherConcert_isRefused() {
        Schedule foreign = new Schedule(new ScheduleId(1), new ConcertId(2), NOW.plus(DAY),
                new BookingWindow(NOW, NOW.plus(DAY)), 10);

        assertThatIllegalArgumentException().isThrownBy(() -> new Concert(ID, "t", "v", List.of(foreign)));
    }

    @Test
    void aDraftSchedule_closesBookingNoLaterThanThePerformance_andCountsItsSeatsBySection() {
        Instant performanceAt = NOW.plus(DAY);
        List<Section> sections = List.of(new Section("VIP", 150_000, 20), new Section("R", 110_000, 30));

        assertThat(new ScheduleDraft(performanceAt, new BookingWindow(NOW, performanceAt), sections).totalSeats())
                .isEqualTo(50);
        assertThatIllegalArgumentException().isThrownBy(() ->
                new ScheduleDraft(performanceAt, new BookingWindow(NOW, performanceAt.plusSeconds(1)), sections));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new ScheduleDraft(performanceAt, new BookingWindow(NOW, performanceAt), List.of()));
    }

    @Test
    void aSection_hasAGradeAPositivePriceAndSeats() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Section(" ", 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Section("R", 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Section("R", 1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Section("R", 1, Section.MAX_SEATS + 1));
    }
}
