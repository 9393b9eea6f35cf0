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
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hold's life, with time passed in: five minutes of expiry tested in microseconds. */
class ReservationTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant DEADLINE = NOW.plus(Duration.ofMinutes(5));

    private static Reservation held(ReservedSeat... seats) {
        return new Reservation(new ReservationId(9001), new UserId(7), new ConcertId(1), new ScheduleId(11),
                List.of(seats), ReservationStatus.HELD, NOW, DEADLINE, null);
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
    void paying_confirmsALiveHold_andRefusesOneThatRanOutOrEnded() {
        Reservation reservation = held(seat(501, 1, 150_000), seat(502, 2, 150_000));

        Reservation confirmed = reservation.confirm(DEADLINE.minusSeconds(1));

        assertThat(confirmed.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(confirmed.endedAt()).isEqualTo(DEADLINE.minusSeconds(1));
        assertThat(confirmed.totalPrice()).isEqualTo(300_000);
        assertThatThrownBy(() -> reservation.confirm(DEADLINE)).isInstanceOf(ReservationExpiredException.class);
        assertThatThrownBy(() -> confirmed.confirm(NOW)).isInstanceOf(ReservationNotPayableException.class);
        assertThatThrownBy(() -> reservation.cancel(NOW).requirePayableAt(NOW))
                .isInstanceOf(ReservationNotPayableException.class);
    }

    @Test
    void cancelling_endsALiveHold_isHarmlessTwice_andRefusedWhenPaidOrRunOut() {
        Reservation reservation = held(seat(501, 1, 150_000));

        Reservation cancelled = reservation.cancel(NOW);

        assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(cancelled.cancel(NOW.plusSeconds(1))).isSameAs(cancelled);
        assertThat(cancelled.requireCancellableAt(NOW)).isFalse();
        assertThatThrownBy(() -> reservation.cancel(DEADLINE)).isInstanceOf(ReservationNotCancellableException.class);
        assertThatThrownBy(() -> reservation.confirm(NOW).cancel(NOW))
                .isInstanceOf(ReservationNotCancellableException.class);
    }

    @Test
    void onlyAHoldPastItsDeadlineExpires() {
        Reservation reservation = held(seat(501, 1, 150_000));

        assertThat(reservation.expire(DEADLINE).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThatIllegalStateException().isThrownBy(() -> reservation.expire(DEADLINE.minusSeconds(1)));
        assertThatIllegalStateException().isThrownBy(() -> reservation.confirm(NOW).expire(DEADLINE));
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
