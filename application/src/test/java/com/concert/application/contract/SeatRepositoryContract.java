package com.concert.application.contract;

import com.concert.application.contract.ReservationRepositoryContract.Stage;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.reservation.HoldRequest;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatId;
import com.concert.domain.seat.SeatRepository;
import com.concert.domain.seat.SeatSnapshot;
import com.concert.domain.seat.SeatStatus;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SeatRepository} promises (see its Javadoc), read right after the reservations changed the
 * seats: implementations that answer from a copy run it on their exact reads. Each test has schedules and users
 * of its own.
 */
public abstract class SeatRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final AtomicLong USERS = new AtomicLong(5_000_000L + System.nanoTime() % 1_000_000);

    protected abstract SeatRepository seats();

    /** The reservations over the same storage, which is how seats come to be held and sold. */
    protected abstract ReservationRepository reservations();

    protected abstract TransactionRunner transactions();

    /** A new schedule with {@code seats} available seats of price {@code price}, numbered from 1. */
    protected abstract Stage stage(int seats, long price);

    private Reservation hold(Stage stage, Instant at, SeatId seat) {
        UserId user = new UserId(USERS.incrementAndGet());
        return transactions().inTransaction(() -> reservations().hold(
                new HoldRequest(user, stage.concertId(), stage.scheduleId(), List.of(seat)), at, TTL, 4));
    }

    @Test
    void theSeatMap_listsEverySeatOfTheSchedule_byNumber() {
        Stage stage = stage(3, 110_000);
        Stage other = stage(2, 110_000);

        List<Seat> map = seats().findBySchedule(stage.scheduleId());

        assertThat(map).extracting(Seat::id).containsExactlyElementsOf(stage.seats());
        assertThat(map).extracting(Seat::number).containsExactly(1, 2, 3);
        assertThat(map).extracting(Seat::scheduleId).containsOnly(stage.scheduleId());
        assertThat(map).extracting(Seat::price).containsOnly(110_000L);
        assertThat(map).extracting(Seat::status).containsOnly(SeatStatus.AVAILABLE);
        assertThat(seats().findBySchedule(other.scheduleId())).extracting(Seat::id).doesNotContainAnyElementsOf(stage.seats());
    }

    @Test
    void theSeatMapAndTheCount_showSalesAndHolds_andARunOutHoldAsAvailable() {
        Stage stage = stage(4, 1_000);
        Stage untouched = stage(3, 1_000);
        Reservation sold = hold(stage, NOW, stage.seats().get(0));
        transactions().inTransaction(() -> reservations().confirm(sold.id(), sold.userId(), NOW)).orElseThrow();
        Reservation live = hold(stage, NOW, stage.seats().get(1));
        hold(stage, NOW.minus(TTL), stage.seats().get(2));

        List<Seat> map = seats().findBySchedule(stage.scheduleId());
        Map<ScheduleId, Integer> available = seats().countAvailable(List.of(stage.scheduleId(), untouched.scheduleId()), NOW);

        assertThat(map).extracting(s -> s.statusAt(NOW))
                .containsExactly(SeatStatus.SOLD, SeatStatus.HELD, SeatStatus.AVAILABLE, SeatStatus.AVAILABLE);
        assertThat(map.get(1).holdUntil()).isEqualTo(live.expiresAt());
        assertThat(available).containsEntry(stage.scheduleId(), 2).containsEntry(untouched.scheduleId(), 3);
        assertThat(seats().countAvailable(List.of(stage.scheduleId()), live.expiresAt()))
                .as("the live hold runs out too").containsEntry(stage.scheduleId(), 3);
    }

    @Test
    void aCancelledHold_isAvailableAtOnce() {
        Stage stage = stage(1, 1_000);
        Reservation held = hold(stage, NOW, stage.seats().getFirst());

        transactions().inTransaction(() -> reservations().cancel(held.id(), held.userId(), NOW));

        assertThat(seats().findBySchedule(stage.scheduleId())).extracting(Seat::status).containsExactly(SeatStatus.AVAILABLE);
        assertThat(seats().countAvailable(List.of(stage.scheduleId()), NOW)).containsEntry(stage.scheduleId(), 1);
    }

    @Test
    void aReadAfterAChange_carriesAHigherNumber_andShowsTheChange() {
        Stage stage = stage(2, 1_000);
        SeatSnapshot before = seats().snapshot(stage.scheduleId());

        hold(stage, NOW, stage.seats().getFirst());
        SeatSnapshot after = seats().snapshot(stage.scheduleId());

        assertThat(after.read()).isGreaterThan(before.read());
        assertThat(after.seats()).extracting(Seat::status).containsExactly(SeatStatus.HELD, SeatStatus.AVAILABLE);
        assertThat(before.seats()).extracting(Seat::status).as("a snapshot stays as it was read")
                .containsExactly(SeatStatus.AVAILABLE, SeatStatus.AVAILABLE);
        assertThat(seats().findBySchedule(stage.scheduleId())).isEqualTo(seats().snapshot(stage.scheduleId()).seats());
    }

    @Test
    void aScheduleWithoutSeats_countsZero() {
        ScheduleId unknown = new ScheduleId(Long.MAX_VALUE);

        assertThat(seats().countAvailable(List.of(unknown), NOW)).containsEntry(unknown, 0);
        assertThat(seats().findBySchedule(unknown)).isEmpty();
    }
}
