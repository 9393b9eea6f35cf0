package com.concert.application.booking.service;

import com.concert.application.booking.port.in.ReservationView;
import com.concert.application.booking.service.BookingFixture.Stage;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationNotFoundException;
import com.concert.domain.reservation.ReservationStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.concert.application.booking.service.BookingFixture.ALICE;
import static com.concert.application.booking.service.BookingFixture.BOB;
import static com.concert.application.booking.service.BookingFixture.HOLD_TTL;
import static com.concert.application.booking.service.BookingFixture.NOW;
import static com.concert.application.booking.service.BookingFixture.PRICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GetReservationServiceTest {

    private final BookingFixture f = new BookingFixture();
    private final Stage stage = f.stage(4);

    @Test
    void get_answersTheOwnersReservation_asItStandsNow() {
        Reservation held = f.hold(ALICE, stage, 1, 2);

        ReservationView view = f.getReservation.get(ALICE, held.id());

        assertThat(view.reservation()).isEqualTo(held);
        assertThat(view.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(view.at()).isEqualTo(NOW);
    }

    @Test
    void anotherUsersReservation_isNotFound_likeOneThatDoesNotExist() {
        Reservation alices = f.hold(ALICE, stage, 1);

        assertThatThrownBy(() -> f.getReservation.get(BOB, alices.id())).isInstanceOf(ReservationNotFoundException.class);
        assertThatThrownBy(() -> f.getReservation.get(ALICE, new ReservationId(999)))
                .isInstanceOf(ReservationNotFoundException.class);
    }

    @Test
    void aHoldThatRanOut_readsExpired_beforeTheSweeperRecordsIt() {
        Reservation held = f.hold(ALICE, stage, 1);
        f.clock.advance(HOLD_TTL);

        ReservationView view = f.getReservation.get(ALICE, held.id());

        assertThat(view.reservation().status()).as("as stored").isEqualTo(ReservationStatus.HELD);
        assertThat(view.status()).isEqualTo(ReservationStatus.EXPIRED);
        f.expireHolds.expireDueHolds();
        assertThat(f.getReservation.get(ALICE, held.id()).status()).isEqualTo(ReservationStatus.EXPIRED);
    }

    @Test
    void paidAndCancelledReservations_readAsSuch() {
        f.charge(ALICE, PRICE);
        Reservation paid = f.hold(ALICE, stage, 1);
        f.pay(ALICE, paid, null);
        Reservation cancelled = f.hold(ALICE, stage, 2);
        f.cancelReservation.cancel(ALICE, cancelled.id());
        f.clock.advance(HOLD_TTL.multipliedBy(10));

        assertThat(f.getReservation.get(ALICE, paid.id()).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(f.getReservation.get(ALICE, cancelled.id()).status()).isEqualTo(ReservationStatus.CANCELLED);
    }

    @Test
    void list_showsTheUsersOwnReservations_newestFirst_pageByPage_asTheyStandNow() {
        Reservation first = f.hold(ALICE, stage, 1);
        f.clock.advance(Duration.ofMinutes(1));
        Reservation second = f.hold(ALICE, stage, 2);
        f.hold(BOB, stage, 4);
        f.clock.advance(Duration.ofMinutes(1));
        Reservation third = f.hold(ALICE, stage, 3);
        f.clock.set(NOW.plus(HOLD_TTL));

        Page<ReservationView> page0 = f.getReservation.list(ALICE, new PageRequest(0, 2));
        Page<ReservationView> page1 = f.getReservation.list(ALICE, new PageRequest(1, 2));

        assertThat(page0.items()).extracting(v -> v.reservation().id()).containsExactly(third.id(), second.id());
        assertThat(page1.items()).extracting(v -> v.reservation().id()).containsExactly(first.id());
        assertThat(page0.totalItems()).isEqualTo(3);
        assertThat(page0.totalPages()).isEqualTo(2);
        assertThat(page1.items()).extracting(ReservationView::status).containsExactly(ReservationStatus.EXPIRED);
        assertThat(page0.items()).extracting(ReservationView::status).containsOnly(ReservationStatus.HELD);
    }

    @Test
    void list_ofAUserWithoutReservations_isEmpty() {
        f.hold(ALICE, stage, 1);

        Page<ReservationView> page = f.getReservation.list(BOB, new PageRequest(0, 20));

        assertThat(page.items()).isEmpty();
        assertThat(page.totalItems()).isZero();
    }
}
