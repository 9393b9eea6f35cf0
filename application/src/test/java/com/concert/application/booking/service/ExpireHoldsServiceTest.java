package com.concert.application.booking.service;

import com.concert.application.booking.service.BookingFixture.Stage;
import com.concert.domain.reservation.HoldRequest;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationStatus;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.concert.application.booking.service.BookingFixture.ALICE;
import static com.concert.application.booking.service.BookingFixture.BOB;
import static com.concert.application.booking.service.BookingFixture.HOLD_TTL;
import static com.concert.application.booking.service.BookingFixture.NOW;
import static com.concert.application.booking.service.BookingFixture.PRICE;
import static com.concert.domain.seat.SeatStatus.AVAILABLE;
import static com.concert.domain.seat.SeatStatus.HELD;
import static com.concert.domain.seat.SeatStatus.SOLD;
import static org.assertj.core.api.Assertions.assertThat;

class ExpireHoldsServiceTest {

    private static final UserId CAROL = new UserId(3);

    private final BookingFixture f = new BookingFixture();
    private final Stage stage = f.stage(6);

    @Test
    void expiresOnlyTheHoldsPastTheirDeadline_andReleasesTheirSeats() {
        f.charge(CAROL, PRICE);
        f.pay(CAROL, f.hold(CAROL, stage, 6), null);
        Reservation due = f.hold(ALICE, stage, 1, 2);
        f.clock.advance(Duration.ofMinutes(2));
        Reservation live = f.hold(BOB, stage, 3);
        f.clock.set(NOW.plus(HOLD_TTL));

        int expired = f.expireHolds.expireDueHolds();

        assertThat(expired).isEqualTo(1);
        assertThat(f.stored(due.id()).status()).as("due at its deadline exactly").isEqualTo(ReservationStatus.EXPIRED);
        assertThat(f.stored(due.id()).endedAt()).isEqualTo(NOW.plus(HOLD_TTL));
        assertThat(f.stored(live.id()).status()).isEqualTo(ReservationStatus.HELD);
        assertThat(f.seatsStored(stage)).as("stored state, not only what it reads as")
                .containsExactly(AVAILABLE, AVAILABLE, HELD, AVAILABLE, AVAILABLE, SOLD);
    }

    @Test
    void nothingDue_expiresNothing() {
        Reservation live = f.hold(ALICE, stage, 1);
        f.clock.advance(HOLD_TTL.minusNanos(1));

        assertThat(f.expireHolds.expireDueHolds()).isZero();
        assertThat(f.stored(live.id()).status()).isEqualTo(ReservationStatus.HELD);
    }

    @Test
    void aHoldIsExpiredOnce_andItsSeatsGoToALaterHold() {
        Reservation due = f.hold(ALICE, stage, 1, 2);
        f.clock.advance(HOLD_TTL);

        assertThat(f.expireHolds.expireDueHolds()).isEqualTo(1);
        assertThat(f.expireHolds.expireDueHolds()).isZero();

        Reservation later = f.hold(BOB, stage, 1, 2);
        assertThat(later.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(f.stored(due.id()).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(f.seatsStored(stage).subList(0, 2)).containsOnly(HELD);
    }

    @Test
    void moreHoldsThanOneBatch_areAllExpired_inShortTransactions() {
        int due = 2 * ExpireHoldsService.BATCH + 1;
        Stage big = f.stage(due);
        for (int i = 1; i <= due; i++) {
            HoldRequest request = new HoldRequest(new UserId(100 + i), big.concertId(), big.schedule().id(),
                    List.of(big.seat(i)));
            f.transactions.inTransaction(() -> f.reservations.hold(request, NOW, HOLD_TTL, 4));
        }
        f.clock.advance(HOLD_TTL);
        int before = f.transactions.readWriteCount();

        assertThat(f.expireHolds.expireDueHolds()).isEqualTo(due);

        assertThat(f.transactions.readWriteCount() - before).as("one transaction per batch").isEqualTo(3);
        assertThat(f.seatsStored(big)).containsOnly(AVAILABLE);
        assertThat(f.expireHolds.expireDueHolds()).isZero();
    }
}
