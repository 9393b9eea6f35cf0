package com.concert.application.booking.port.in;

import com.concert.domain.concert.ScheduleId;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatId;
import com.concert.domain.seat.SeatStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeatMapTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final ScheduleId SCHEDULE = new ScheduleId(11);

    private static Seat seat(int number, SeatStatus status, Instant holdUntil) {
        return Seat.restore(new SeatId(500 + number), SCHEDULE, number, "R", 110_000, status, holdUntil);
    }

    private static SeatMap mapAt(Instant at, Seat... seats) {
        return new SeatMap(SCHEDULE, at, 1, List.of(seats));
    }

    private static List<SeatStatus> statuses(SeatMap map, Instant at) {
        SeatMap judged = new SeatMap(map.scheduleId(), at, map.read(), map.seats());
        return judged.seats().stream().map(judged::statusOf).toList();
    }

    @Test
    void unchanged_runsFromTheLatestRunOutHold_toTheEarliestRunningOne() {
        SeatMap map = mapAt(NOW,
                seat(1, SeatStatus.HELD, NOW.plusSeconds(90)),
                seat(2, SeatStatus.HELD, NOW.minusSeconds(30)),
                seat(3, SeatStatus.SOLD, null),
                seat(4, SeatStatus.HELD, NOW.plusSeconds(40)),
                seat(5, SeatStatus.HELD, NOW.minusSeconds(70)),
                seat(6, SeatStatus.AVAILABLE, null));

        SeatMap.Span span = map.unchanged();

        assertThat(span).isEqualTo(new SeatMap.Span(NOW.minusSeconds(30), NOW.plusSeconds(40)));
        List<SeatStatus> atNow = statuses(map, NOW);
        for (Instant moment : List.of(span.from(), NOW, span.until().minusNanos(1))) {
            assertThat(span.contains(moment)).isTrue();
            assertThat(statuses(map, moment)).as("at %s", moment).isEqualTo(atNow);
        }
        assertThat(span.contains(span.until())).isFalse();
        assertThat(statuses(map, span.until()).get(3)).as("the earliest running hold has run out")
                .isEqualTo(SeatStatus.AVAILABLE);
        assertThat(span.contains(span.from().minusNanos(1))).isFalse();
        assertThat(statuses(map, span.from().minusNanos(1)).get(1)).isEqualTo(SeatStatus.HELD);
    }

    @Test
    void aHoldEndingAtTheMapsMoment_hasRunOut() {
        SeatMap map = mapAt(NOW, seat(1, SeatStatus.HELD, NOW));

        assertThat(map.statusOf(map.seats().getFirst())).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(map.unchanged()).isEqualTo(new SeatMap.Span(NOW, Instant.MAX));
    }

    @Test
    void withoutHolds_nothingChangesWithTime() {
        SeatMap map = mapAt(NOW, seat(1, SeatStatus.SOLD, null), seat(2, SeatStatus.AVAILABLE, null));

        assertThat(map.unchanged()).isEqualTo(new SeatMap.Span(Instant.MIN, Instant.MAX));
        assertThat(mapAt(NOW).unchanged().contains(NOW.plus(Duration.ofDays(365)))).isTrue();
    }

    @Test
    void theSeatsAreKeptAsGiven_notAsLaterChangesToTheCallersList() {
        List<Seat> seats = new ArrayList<>(List.of(seat(1, SeatStatus.AVAILABLE, null)));
        SeatMap map = new SeatMap(SCHEDULE, NOW, 7, seats);

        seats.add(seat(2, SeatStatus.AVAILABLE, null));

        assertThat(map.seats()).hasSize(1);
        assertThat(map.read()).isEqualTo(7);
    }
}
