package com.concert.application.contract;

import com.concert.application.booking.port.out.ReservationHistory;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.reservation.HoldRequest;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.reservation.ReservationStatus;
import com.concert.domain.reservation.ReservedSeat;
import com.concert.domain.reservation.SeatLimitExceededException;
import com.concert.domain.reservation.SeatUnavailableException;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatId;
import com.concert.domain.seat.SeatNotFoundException;
import com.concert.domain.seat.SeatRepository;
import com.concert.domain.seat.SeatStatus;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ReservationRepository} promises (see its Javadoc). Subclassed once per implementation; each
 * test works on schedules and users of its own.
 */
public abstract class ReservationRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final int LIMIT = 4;
    private static final AtomicLong USERS = new AtomicLong(1_000_000L + System.nanoTime() % 1_000_000);

    /** A schedule with seats, created in the implementation's storage. */
    public record Stage(ConcertId concertId, ScheduleId scheduleId, List<SeatId> seats) {
    }

    protected abstract ReservationRepository repository();

    /** The history over the same storage as {@link #repository()}. */
    protected abstract ReservationHistory history();

    protected abstract SeatRepository seats();

    protected abstract TransactionRunner transactions();

    /** A new schedule with {@code seats} available seats of price {@code price}. */
    protected abstract Stage stage(int seats, long price);

    private static UserId newUser() {
        return new UserId(USERS.incrementAndGet());
    }

    /** As the service holds: alone, outside any transaction (the port promises that a hold is atomic by itself). */
    private Reservation hold(Stage stage, UserId user, Instant now, SeatId... seats) {
        return transactions().singleCall(() -> repository().hold(
                new HoldRequest(user, stage.concertId(), stage.scheduleId(), List.of(seats)), now, TTL, LIMIT));
    }


    private Reservation find(Reservation reservation) {
        return transactions().readOnly(() -> repository().findById(reservation.id())).orElseThrow();
    }

    private SeatStatus status(Stage stage, SeatId seat, Instant now) {
        return transactions().readOnly(() -> seats().findBySchedule(stage.scheduleId())).stream()
                .filter(s -> s.id().equals(seat)).findFirst().map(s -> s.statusAt(now)).orElseThrow();
    }

    @Test
    void hold_takesEveryRequestedSeat_untilTheDeadline() {
        Stage stage = stage(4, 110_000);
        UserId user = newUser();

        Reservation held = hold(stage, user, NOW, stage.seats().get(2), stage.seats().get(0));

        assertThat(held.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(held.userId()).isEqualTo(user);
        assertThat(held.concertId()).isEqualTo(stage.concertId());
        assertThat(held.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(held.seats()).extracting(ReservedSeat::id).containsExactly(stage.seats().get(0), stage.seats().get(2));
        assertThat(held.totalPrice()).isEqualTo(220_000);
        assertThat(find(held)).isEqualTo(held);
        assertThat(status(stage, stage.seats().get(0), NOW)).isEqualTo(SeatStatus.HELD);
        assertThat(status(stage, stage.seats().get(1), NOW)).isEqualTo(SeatStatus.AVAILABLE);
    }

    @Test
    void hold_ofATakenSeat_holdsNothing_andNamesTheTakenSeat() {
        Stage stage = stage(3, 1_000);
        hold(stage, newUser(), NOW, stage.seats().get(1));

        assertThatThrownBy(() -> hold(stage, newUser(), NOW, stage.seats().get(0), stage.seats().get(1)))
                .isInstanceOfSatisfying(SeatUnavailableException.class,
                        e -> assertThat(e.taken()).containsExactly(stage.seats().get(1)));
        assertThat(status(stage, stage.seats().get(0), NOW)).as("all or nothing").isEqualTo(SeatStatus.AVAILABLE);
    }

    @Test
    void hold_ofASeatOfAnotherSchedule_isSeatNotFound() {
        Stage stage = stage(2, 1_000);
        Stage other = stage(2, 1_000);

        assertThatThrownBy(() -> hold(stage, newUser(), NOW, stage.seats().get(0), other.seats().get(0)))
                .isInstanceOf(SeatNotFoundException.class)
                .hasMessageContaining(other.seats().get(0).toString());
        assertThat(status(stage, stage.seats().get(0), NOW)).isEqualTo(SeatStatus.AVAILABLE);
    }

    @Test
    void aHoldThatRanOut_freesItsSeatsAtOnce_andEndsAsExpired() {
        Stage stage = stage(2, 1_000);
        Reservation first = hold(stage, newUser(), NOW, stage.seats().get(0), stage.seats().get(1));
        Instant later = NOW.plus(TTL);

        assertThat(status(stage, stage.seats().get(0), later)).isEqualTo(SeatStatus.AVAILABLE);
        Reservation second = hold(stage, newUser(), later, stage.seats().get(0));

        assertThat(second.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(find(first).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(status(stage, stage.seats().get(1), later)).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(hold(stage, newUser(), later, stage.seats().get(1)).status()).isEqualTo(ReservationStatus.HELD);
    }

    @Test
    void aUserMayHoldOrOwnAtMostTheLimitPerSchedule() {
        Stage stage = stage(6, 1_000);
        UserId user = newUser();
        Reservation three = hold(stage, user, NOW, stage.seats().get(0), stage.seats().get(1), stage.seats().get(2));

        assertThatThrownBy(() -> hold(stage, user, NOW, stage.seats().get(3), stage.seats().get(4)))
                .isInstanceOf(SeatLimitExceededException.class);
        assertThat(hold(stage, user, NOW, stage.seats().get(3)).seats()).hasSize(1);

        transactions().inTransaction(() -> repository().cancel(three.id(), user, NOW));
        assertThat(hold(stage, user, NOW, stage.seats().get(4), stage.seats().get(5)).seats()).hasSize(2);
    }

    @Test
    void fortyConcurrentHoldsOfOneUser_neverPassTheLimit() throws Exception {
        Stage stage = stage(40, 1_000);
        UserId user = newUser();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (SeatId seat : stage.seats()) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        hold(stage, user, NOW, seat);
                        return true;
                    } catch (SeatLimitExceededException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(LIMIT);
        }
        long held = stage.seats().stream().filter(seat -> status(stage, seat, NOW) == SeatStatus.HELD).count();
        assertThat(held).isEqualTo(LIMIT);
    }

    @Test
    void twoHundredConcurrentHoldsOfARunOutSeat_exactlyOneWins_andTheOldHoldEndsOnce() throws Exception {
        Stage stage = stage(2, 1_000);
        Reservation old = hold(stage, newUser(), NOW, stage.seats().get(0), stage.seats().get(1));
        Instant later = NOW.plus(TTL);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < 200; i++) {
                UserId user = newUser();
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        hold(stage, user, later, stage.seats().get(0));
                        return true;
                    } catch (SeatUnavailableException e) {
                        assertThat(e.taken()).containsExactly(stage.seats().get(0));
                        return false;
                    }
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        }
        assertThat(find(old).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(status(stage, stage.seats().get(0), later)).isEqualTo(SeatStatus.HELD);
        assertThat(status(stage, stage.seats().get(1), later)).as("the old hold's other seat, freed")
                .isEqualTo(SeatStatus.AVAILABLE);
    }

    @Test
    void confirm_sellsTheSeats_onlyOnce_onlyForTheOwner_andOnlyBeforeTheDeadline() {
        Stage stage = stage(3, 1_000);
        UserId user = newUser();
        Reservation paid = hold(stage, user, NOW, stage.seats().get(0));
        Reservation late = hold(stage, user, NOW, stage.seats().get(1));

        assertThat(transactions().inTransaction(() -> repository().confirm(paid.id(), newUser(), NOW))).isEmpty();
        assertThat(transactions().inTransaction(() -> repository().confirm(paid.id(), user, NOW)))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(ReservationStatus.CONFIRMED));
        assertThat(transactions().inTransaction(() -> repository().confirm(paid.id(), user, NOW))).isEmpty();
        assertThat(transactions().inTransaction(() -> repository().confirm(late.id(), user, NOW.plus(TTL)))).isEmpty();

        assertThat(status(stage, stage.seats().get(0), NOW.plus(Duration.ofDays(1)))).isEqualTo(SeatStatus.SOLD);
        assertThat(find(late).status()).isEqualTo(ReservationStatus.HELD);
        assertThat(find(late).statusAt(NOW.plus(TTL))).isEqualTo(ReservationStatus.EXPIRED);
    }

    @Test
    void cancel_freesTheSeatsAtOnce() {
        Stage stage = stage(2, 1_000);
        UserId user = newUser();
        Reservation held = hold(stage, user, NOW, stage.seats().get(0));

        assertThat(transactions().inTransaction(() -> repository().cancel(held.id(), newUser(), NOW))).isFalse();
        assertThat(transactions().inTransaction(() -> repository().cancel(held.id(), user, NOW))).isTrue();
        assertThat(transactions().inTransaction(() -> repository().cancel(held.id(), user, NOW))).isFalse();

        assertThat(find(held).status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(status(stage, stage.seats().get(0), NOW)).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(hold(stage, newUser(), NOW, stage.seats().get(0)).status()).isEqualTo(ReservationStatus.HELD);
    }

    @Test
    void expireDue_recordsRunOutHoldsAndReleasesTheirSeats() {
        Stage stage = stage(3, 1_000);
        Reservation due = hold(stage, newUser(), NOW.minus(TTL), stage.seats().get(0));
        Reservation live = hold(stage, newUser(), NOW, stage.seats().get(1));

        int expired = transactions().inTransaction(() -> repository().expireDue(NOW, 10_000));

        assertThat(expired).isGreaterThanOrEqualTo(1);
        assertThat(find(due).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(find(live).status()).isEqualTo(ReservationStatus.HELD);
        Seat released = transactions().readOnly(() -> seats().findBySchedule(stage.scheduleId())).getFirst();
        assertThat(released.status()).as("stored state, not only what it reads as").isEqualTo(SeatStatus.AVAILABLE);
    }

    @Test
    void findByUser_listsNewestFirst() {
        Stage stage = stage(3, 1_000);
        UserId user = newUser();
        Reservation first = hold(stage, user, NOW, stage.seats().get(0));
        Reservation second = hold(stage, user, NOW.plusSeconds(1), stage.seats().get(1));
        hold(stage, newUser(), NOW, stage.seats().get(2));

        Page<Reservation> page = transactions().readOnly(() -> history().findByUser(user, new PageRequest(0, 20)));

        assertThat(page.items()).extracting(Reservation::id).containsExactly(second.id(), first.id());
        assertThat(page.totalItems()).isEqualTo(2);
    }

    @Test
    void twoHundredConcurrentHoldsOfOneSeat_exactlyOneWins() throws Exception {
        Stage stage = stage(1, 1_000);
        int attempts = 200;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < attempts; i++) {
                UserId user = newUser();
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        hold(stage, user, NOW, stage.seats().getFirst());
                        return true;
                    } catch (SeatUnavailableException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        }
    }
}
