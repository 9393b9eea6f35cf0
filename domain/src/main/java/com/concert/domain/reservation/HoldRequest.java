package com.concert.domain.reservation;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.seat.SeatId;
import com.concert.domain.shared.UserId;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A user asks to hold 1 to {@value Reservation#MAX_SEATS} distinct seats of one performance. The seats are kept
 * in ascending id order, the order in which every hold locks them, so that two holds never deadlock.
 */
public record HoldRequest(UserId userId, ConcertId concertId, ScheduleId scheduleId, List<SeatId> seatIds) {

    public HoldRequest {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(scheduleId, "scheduleId");
        seatIds = seatIds.stream().sorted(Comparator.comparingLong(SeatId::value)).toList();
        if (seatIds.isEmpty() || seatIds.size() > Reservation.MAX_SEATS) {
            throw new IllegalArgumentException("a hold asks for 1 to " + Reservation.MAX_SEATS + " seats");
        }
        if (seatIds.stream().distinct().count() != seatIds.size()) {
            throw new IllegalArgumentException("a hold asks for distinct seats");
        }
    }
}
