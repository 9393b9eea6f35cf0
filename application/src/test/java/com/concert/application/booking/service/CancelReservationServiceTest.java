package com.concert.application.booking.service;

import com.concert.application.booking.service.BookingFixture.Stage;
import com.concert.domain.queue.QueueTokenId;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationNotCancellableException;
import com.concert.domain.reservation.ReservationNotFoundException;
import com.concert.domain.reservation.ReservationStatus;
import org.junit.jupiter.api.Test;

import static com.concert.application.booking.service.BookingFixture.ALICE;
import static com.concert.application.booking.service.BookingFixture.BOB;
import static com.concert.application.booking.service.BookingFixture.HOLD_TTL;
import static com.concert.application.booking.service.BookingFixture.NOW;
import static com.concert.application.booking.service.BookingFixture.PRICE;
import static com.concert.domain.seat.SeatStatus.AVAILABLE;
import static com.concert.domain.seat.SeatStatus.HELD;
import static com.concert.domain.seat.SeatStatus.SOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CancelReservationServiceTest {

    private final BookingFixture f = new BookingFixture();
    private final Stage stage = f.stage(3);

    @Test
    void cancel_endsALiveHold_andFreesItsSeatsAtOnce() {
        Reservation held = f.hold(ALICE, stage, 1, 2);
        f.clock.advance(HOLD_TTL.minusSeconds(1));

        f.cancelReservation.cancel(ALICE, held.id());

        assertThat(f.stored(held.id()).status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(f.stored(held.id()).endedAt()).isEqualTo(NOW.plus(HOLD_TTL.minusSeconds(1)));
        assertThat(f.seatsStored(stage)).containsExactly(AVAILABLE, AVAILABLE, AVAILABLE);
        assertThat(f.hold(BOB, stage, 1, 2).status()).as("the next fan takes them").isEqualTo(ReservationStatus.HELD);
    }

    @Test
    void cancellingTwice_isHarmless() {
        Reservation held = f.hold(ALICE, stage, 1);
        f.cancelReservation.cancel(ALICE, held.id());
        Reservation bobs = f.hold(BOB, stage, 1);

        f.cancelReservation.cancel(ALICE, held.id());

        assertThat(f.stored(held.id()).status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(f.stored(bobs.id()).status()).as("the seat's next holder keeps it").isEqualTo(ReservationStatus.HELD);
        assertThat(f.seatsStored(stage).getFirst()).isEqualTo(HELD);
    }

    @Test
    void aPaidReservation_isNotCancellable_andStaysSold() {
        f.charge(ALICE, PRICE);
        Reservation held = f.hold(ALICE, stage, 1);
        f.pay(ALICE, held, null);

        assertThatThrownBy(() -> f.cancelReservation.cancel(ALICE, held.id()))
                .isInstanceOf(ReservationNotCancellableException.class)
                .hasMessageContaining("CONFIRMED");

        assertThat(f.stored(held.id()).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(f.seatsStored(stage).getFirst()).isEqualTo(SOLD);
        assertThat(f.balance(ALICE)).as("no refund").isZero();
    }

    @Test
    void aHoldThatRanOut_isNotCancellable_beforeAndAfterTheSweep() {
        Reservation held = f.hold(ALICE, stage, 1);
        f.clock.advance(HOLD_TTL);

        assertThatThrownBy(() -> f.cancelReservation.cancel(ALICE, held.id()))
                .isInstanceOf(ReservationNotCancellableException.class)
                .hasMessageContaining("EXPIRED");
        assertThat(f.stored(held.id()).status()).as("not recorded as cancelled").isEqualTo(ReservationStatus.HELD);

        f.expireHolds.expireDueHolds();
        assertThatThrownBy(() -> f.cancelReservation.cancel(ALICE, held.id()))
                .isInstanceOf(ReservationNotCancellableException.class);
        assertThat(f.stored(held.id()).status()).isEqualTo(ReservationStatus.EXPIRED);
    }

    @Test
    void anotherUsersReservation_orNone_isNotFound_andNothingChanges() {
        Reservation alices = f.hold(ALICE, stage, 1);

        assertThatThrownBy(() -> f.cancelReservation.cancel(BOB, alices.id()))
                .isInstanceOf(ReservationNotFoundException.class);
        assertThatThrownBy(() -> f.cancelReservation.cancel(ALICE, new ReservationId(999)))
                .isInstanceOf(ReservationNotFoundException.class);

        assertThat(f.stored(alices.id()).status()).isEqualTo(ReservationStatus.HELD);
        assertThat(f.seatsStored(stage).getFirst()).isEqualTo(HELD);
    }

    @Test
    void cancel_needsNoQueueToken() {
        Reservation held = f.hold(ALICE, stage, 1);
        String token = f.activeToken(ALICE, stage.concertId());
        f.queue.leave(QueueTokenId.parse(token).orElseThrow(), ALICE);

        f.cancelReservation.cancel(ALICE, held.id());

        assertThat(f.stored(held.id()).status()).isEqualTo(ReservationStatus.CANCELLED);
    }
}
