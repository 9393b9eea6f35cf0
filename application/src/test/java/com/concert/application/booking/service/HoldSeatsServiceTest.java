package com.concert.application.booking.service;

import com.concert.application.booking.port.in.HoldSeatsCommand;
import com.concert.application.booking.service.BookingFixture.Stage;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertNotAvailableException;
import com.concert.domain.concert.ScheduleNotFoundException;
import com.concert.domain.queue.TokenInvalidException;
import com.concert.domain.queue.TokenMissingException;
import com.concert.domain.queue.TokenNotActiveException;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationStatus;
import com.concert.domain.reservation.ReservedSeat;
import com.concert.domain.reservation.SeatLimitExceededException;
import com.concert.domain.reservation.SeatUnavailableException;
import com.concert.domain.seat.SeatNotFoundException;
import com.concert.domain.seat.SeatStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.concert.application.booking.service.BookingFixture.ALICE;
import static com.concert.application.booking.service.BookingFixture.BOB;
import static com.concert.application.booking.service.BookingFixture.DAY;
import static com.concert.application.booking.service.BookingFixture.HOLD_TTL;
import static com.concert.application.booking.service.BookingFixture.NOW;
import static com.concert.application.booking.service.BookingFixture.PRICE;
import static com.concert.domain.seat.SeatStatus.AVAILABLE;
import static com.concert.domain.seat.SeatStatus.HELD;
import static com.concert.domain.testing.ConcertFixture.concert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HoldSeatsServiceTest {

    private final BookingFixture f = new BookingFixture();
    private final Stage stage = f.stage(6);

    private void assertNothingHeld() {
        assertThat(f.seatsNow(stage)).containsOnly(AVAILABLE);
        assertThat(f.reservationsOf(ALICE)).isZero();
        assertThat(f.metrics.held()).as("no hold of hers reported").noneMatch(r -> r.userId().equals(ALICE));
    }

    @Test
    void hold_takesTheSeats_untilNowPlusTheHoldTtl() {
        Reservation held = f.hold(ALICE, stage, 3, 1);

        assertThat(held.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(held.userId()).isEqualTo(ALICE);
        assertThat(held.concertId()).isEqualTo(stage.concertId());
        assertThat(held.scheduleId()).isEqualTo(stage.schedule().id());
        assertThat(held.seats()).extracting(ReservedSeat::number).containsExactly(1, 3);
        assertThat(held.totalPrice()).isEqualTo(2 * PRICE);
        assertThat(held.createdAt()).isEqualTo(NOW);
        assertThat(held.expiresAt()).isEqualTo(NOW.plus(HOLD_TTL));
        assertThat(f.stored(held.id())).isEqualTo(held);
        assertThat(f.seatsNow(stage)).containsExactly(HELD, AVAILABLE, HELD, AVAILABLE, AVAILABLE, AVAILABLE);
        assertThat(f.seats.findBySchedule(stage.schedule().id()).getFirst().holdUntil()).isEqualTo(held.expiresAt());
        assertThat(f.metrics.held()).containsExactly(held);
    }

    @Test
    void theHoldTtl_countsFromTheMomentOfTheHold() {
        f.clock.advance(Duration.ofMinutes(7));

        assertThat(f.hold(ALICE, stage, 1).expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(7)).plus(HOLD_TTL));
    }

    @Test
    void hold_withoutAToken_isTokenMissing_andHoldsNothing() {
        assertThatThrownBy(() -> f.holdSeats.hold(f.holdCommand(ALICE, null, stage, 1)))
                .isInstanceOf(TokenMissingException.class);
        assertThatThrownBy(() -> f.holdSeats.hold(f.holdCommand(ALICE, "   ", stage, 1)))
                .isInstanceOf(TokenMissingException.class);
        assertNothingHeld();
    }

    @Test
    void hold_withAMalformedToken_isTokenInvalid_andHoldsNothing() {
        assertThatThrownBy(() -> f.holdSeats.hold(f.holdCommand(ALICE, "not-a-token", stage, 1)))
                .isInstanceOf(TokenInvalidException.class);
        assertNothingHeld();
    }

    @Test
    void theTokenIsCheckedFirst_evenForAScheduleThatDoesNotExist() {
        HoldSeatsCommand unknownSchedule = new HoldSeatsCommand(ALICE, null, 999L, List.of(stage.seat(1).value()));

        assertThatThrownBy(() -> f.holdSeats.hold(unknownSchedule)).isInstanceOf(TokenMissingException.class);
    }

    @Test
    void hold_ofAnUnknownSchedule_withAGoodToken_isScheduleNotFound() {
        String token = f.activeToken(ALICE, stage.concertId());

        assertThatThrownBy(() -> f.holdSeats.hold(new HoldSeatsCommand(ALICE, token, 999L, List.of(stage.seat(1).value()))))
                .isInstanceOf(ScheduleNotFoundException.class);
    }

    @Test
    void hold_withAnotherUsersToken_isTokenInvalid_andHoldsNothing() {
        String bobs = f.activeToken(BOB, stage.concertId());

        assertThatThrownBy(() -> f.holdSeats.hold(f.holdCommand(ALICE, bobs, stage, 1)))
                .isInstanceOf(TokenInvalidException.class);
        assertNothingHeld();
    }

    @Test
    void hold_withATokenForAnotherConcert_isTokenInvalid_andHoldsNothing() {
        Stage other = f.stage(2);
        String forOther = f.activeToken(ALICE, other.concertId());

        assertThatThrownBy(() -> f.holdSeats.hold(f.holdCommand(ALICE, forOther, stage, 1)))
                .isInstanceOf(TokenInvalidException.class);
        assertNothingHeld();
        assertThat(f.seatsNow(other)).containsOnly(AVAILABLE);
    }

    @Test
    void hold_whileStillWaitingInLine_isTokenNotActive_andHoldsNothing() {
        String waiting = f.waitingToken(ALICE, stage.concertId());

        assertThatThrownBy(() -> f.holdSeats.hold(f.holdCommand(ALICE, waiting, stage, 1)))
                .isInstanceOf(TokenNotActiveException.class);
        assertNothingHeld();
    }

    @Test
    void hold_withAnActiveTokenThatRanOut_isTokenInvalid_andHoldsNothing() {
        String token = f.activeToken(ALICE, stage.concertId());

        f.clock.advance(BookingFixture.ADMISSION.activeTtl());

        assertThatThrownBy(() -> f.holdSeats.hold(f.holdCommand(ALICE, token, stage, 1)))
                .isInstanceOf(TokenInvalidException.class);
        assertNothingHeld();
    }

    @Test
    void hold_ofAPerformanceWhoseBookingClosedOrHasNotOpened_isConcertNotAvailable() {
        Concert concert = f.concerts.create(concert()
                .schedule(NOW.minus(DAY), NOW.minus(DAY.multipliedBy(5)), 2)
                .schedule(NOW.plus(DAY), NOW.minus(DAY), 2)
                .schedule(NOW.plus(DAY.multipliedBy(60)), NOW.plus(DAY), 2)
                .build());
        Stage past = f.stageOf(concert, concert.schedules().get(0));
        Stage open = f.stageOf(concert, concert.schedules().get(1));
        Stage future = f.stageOf(concert, concert.schedules().get(2));
        String token = f.activeToken(ALICE, concert.id());

        assertThatThrownBy(() -> f.holdSeats.hold(f.holdCommand(ALICE, token, past, 1)))
                .isInstanceOf(ConcertNotAvailableException.class);
        assertThatThrownBy(() -> f.holdSeats.hold(f.holdCommand(ALICE, token, future, 1)))
                .isInstanceOf(ConcertNotAvailableException.class);
        assertThat(f.seatsNow(past)).containsOnly(AVAILABLE);
        assertThat(f.seatsNow(future)).containsOnly(AVAILABLE);
        assertThat(f.holdSeats.hold(f.holdCommand(ALICE, token, open, 1)).status()).isEqualTo(ReservationStatus.HELD);
    }

    @Test
    void hold_ofASeatSomebodyHolds_namesIt_andHoldsNothing() {
        f.hold(BOB, stage, 2);

        assertThatThrownBy(() -> f.hold(ALICE, stage, 1, 2, 3))
                .isInstanceOfSatisfying(SeatUnavailableException.class,
                        e -> assertThat(e.taken()).containsExactly(stage.seat(2)));
        assertThat(f.seatsNow(stage)).as("all or nothing")
                .containsExactly(AVAILABLE, HELD, AVAILABLE, AVAILABLE, AVAILABLE, AVAILABLE);
        assertThat(f.reservationsOf(ALICE)).isZero();
    }

    @Test
    void hold_ofASoldSeat_isSeatUnavailable() {
        f.charge(BOB, PRICE);
        f.pay(BOB, f.hold(BOB, stage, 4), null);

        assertThatThrownBy(() -> f.hold(ALICE, stage, 4))
                .isInstanceOfSatisfying(SeatUnavailableException.class,
                        e -> assertThat(e.taken()).containsExactly(stage.seat(4)));
        assertThat(f.reservationsOf(ALICE)).isZero();
    }

    @Test
    void hold_ofASeatOfAnotherPerformance_isSeatNotFound_andHoldsNothing() {
        Stage other = f.stage(1);
        String token = f.activeToken(ALICE, stage.concertId());
        HoldSeatsCommand mixed = new HoldSeatsCommand(ALICE, token, stage.schedule().id().value(),
                List.of(stage.seat(1).value(), other.seat(1).value()));

        assertThatThrownBy(() -> f.holdSeats.hold(mixed)).isInstanceOf(SeatNotFoundException.class);
        assertNothingHeld();
    }

    @Test
    void aUserMayHoldAtMostTheLimitPerPerformance_countingWhatTheyHoldAndOwn() {
        f.charge(ALICE, PRICE);
        f.pay(ALICE, f.hold(ALICE, stage, 1), null);
        f.hold(ALICE, stage, 2, 3);

        assertThatThrownBy(() -> f.hold(ALICE, stage, 4, 5)).isInstanceOf(SeatLimitExceededException.class);
        assertThat(f.seatsNow(stage).subList(3, 6)).as("nothing of the refused hold").containsOnly(AVAILABLE);

        assertThat(f.hold(ALICE, stage, 4).seats()).hasSize(1);
        assertThatThrownBy(() -> f.hold(ALICE, stage, 5)).isInstanceOf(SeatLimitExceededException.class);
        assertThat(f.hold(BOB, stage, 5).seats()).as("the limit is per user").hasSize(1);
    }

    @Test
    void aCancelledHold_andOneThatRanOut_noLongerCountTowardsTheLimit() {
        Reservation cancelled = f.hold(ALICE, stage, 1, 2, 3, 4);
        f.cancelReservation.cancel(ALICE, cancelled.id());
        f.hold(ALICE, stage, 1, 2, 3, 4);

        f.clock.advance(HOLD_TTL);

        assertThat(f.hold(ALICE, stage, 5, 6).seats()).hasSize(2);
    }

    @Test
    void aHoldThatRanOut_freesItsSeatsForTheNextFan_atItsDeadlineAndNotBefore() {
        Reservation alices = f.hold(ALICE, stage, 1, 2);

        f.clock.advance(HOLD_TTL.minusNanos(1));
        assertThatThrownBy(() -> f.hold(BOB, stage, 1)).isInstanceOf(SeatUnavailableException.class);

        f.clock.advance(Duration.ofNanos(1));
        assertThat(f.seatsNow(stage).subList(0, 2)).containsOnly(AVAILABLE);
        Reservation bobs = f.hold(BOB, stage, 1);

        assertThat(bobs.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(f.stored(alices.id()).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(f.seatsStored(stage).get(1)).as("the other seat of the run-out hold is released too")
                .isEqualTo(SeatStatus.AVAILABLE);
    }
}
