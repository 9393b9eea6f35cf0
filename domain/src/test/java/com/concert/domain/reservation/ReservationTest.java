package com.concert.domain.reservation;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.seat.SeatId;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hold's life, with time passed in: five minutes of expiry tested in microseconds. */
class ReservationTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant DEADLINE = NOW.plus(Duration.ofMinutes(5));

    private static Reservation held(ReservedSeat... seats) {
        return new Reservation(new ReservationId(9001), new UserId(7), new ConcertId(1), new ScheduleId(11),
                List.of(seats), ReservationStatus.HELD, NOW, DEADLINE, null);
    }

    private static Reservation ended(Reservation held, ReservationStatus status) {
        return new Reservation(held.id(), held.userId(), held.concertId(), held.scheduleId(), held.seats(), status,
                held.createdAt(), held.expiresAt(), NOW);
    }

    private static ReservedSeat seat(long id, int number, long price) {
        return new ReservedSeat(new SeatId(id), number, "VIP", price);
    }

    @Test
    void aHoldReadsExpiredFromItsDeadlineOn_withoutAnybodyRecordingIt() {
        Reservation reservation = held(seat(501, 1, 150_000));

        assertThat(reservation.statusAt(DEADLINE.minusNanos(1000))).isEqualTo(ReservationStatus.HELD);
        assertThat(reservation.statusAt(DEADLINE)).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(reservation.status()).as("what is stored").isEqualTo(ReservationStatus.HELD);
    }

    @Test
    void onlyALiveHoldIsPayable_aRunOutOneIsExpired_anEndedOneNotPayable() {
        Reservation reservation = held(seat(501, 1, 150_000), seat(502, 2, 150_000));

        reservation.requirePayableAt(DEADLINE.minusNanos(1000));
        assertThat(reservation.totalPrice()).isEqualTo(300_000);
        assertThatThrownBy(() -> reservation.requirePayableAt(DEADLINE)).isInstanceOf(ReservationExpiredException.class);
        assertThatThrownBy(() -> ended(reservation, ReservationStatus.CONFIRMED).requirePayableAt(NOW))
                .isInstanceOf(ReservationNotPayableException.class);
        assertThatThrownBy(() -> ended(reservation, ReservationStatus.CANCELLED).requirePayableAt(NOW))
                .isInstanceOf(ReservationNotPayableException.class);
    }

    @Test
    void aLiveHoldIsCancellable_cancellingTwiceIsHarmless_aPaidOrRunOutOneIsNot() {
        Reservation reservation = held(seat(501, 1, 150_000));

        assertThat(reservation.requireCancellableAt(NOW)).isTrue();
        assertThat(ended(reservation, ReservationStatus.CANCELLED).requireCancellableAt(NOW)).as("nothing to do")
                .isFalse();
        assertThatThrownBy(() -> reservation.requireCancellableAt(DEADLINE))
                .isInstanceOf(ReservationNotCancellableException.class);
        assertThatThrownBy(() -> ended(reservation, ReservationStatus.CONFIRMED).requireCancellableAt(NOW))
                .isInstanceOf(ReservationNotCancellableException.class);
    }

    @Test
    void aReservationHoldsOneToFourSeats_keptInSeatOrder() {
        assertThat(held(seat(3, 9, 1), seat(1, 2, 1)).seats()).extracting(ReservedSeat::number).containsExactly(2, 9);
        assertThatIllegalArgumentException().isThrownBy(() -> held());
        assertThatIllegalArgumentException().isThrownBy(() ->
                held(seat(1, 1, 1), seat(2, 2, 1), seat(3, 3, 1), seat(4, 4, 1), seat(5, 5, 1)));
    }

    @Test
    void aHoldRequestLocksItsSeatsInAscendingIdOrder_andRefusesRepeats() {
        HoldRequest request = new HoldRequest(new UserId(7), new ConcertId(1), new ScheduleId(11),
                List.of(new SeatId(9), new SeatId(3), new SeatId(5)));

        assertThat(request.seatIds()).extracting(SeatId::value).containsExactly(3L, 5L, 9L);
        assertThatIllegalArgumentException().isThrownBy(() -> new HoldRequest(new UserId(7), new ConcertId(1),
                new ScheduleId(11), List.of(new SeatId(3), new SeatId(3))));
    }
}
