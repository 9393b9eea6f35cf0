package com.concert.domain.reservation;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.seat.SeatId;
import com.concert.domain.shared.UserId;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
        seatRuleBrokenBy(seatIds).ifPresent(broken -> {
            throw new IllegalArgumentException("seatIds " + broken);
        });
    }

    /**
     * The rule of which seats one hold may take, stated once for every place that checks it (the command a
     * client sends, this request, a reservation read back from storage): 1 to {@value Reservation#MAX_SEATS}
     * seats, none of them twice.
     *
     * @return how the seats break the rule, or empty when they keep it
     */
    public static Optional<String> seatRuleBrokenBy(List<?> seats) {
        if (seats == null || seats.isEmpty() || seats.size() > Reservation.MAX_SEATS) {
            return Optional.of("must list 1 to " + Reservation.MAX_SEATS + " seats");
        }
        if (new HashSet<>(seats).size() != seats.size()) {
            return Optional.of("must not repeat a seat");
        }
        return Optional.empty();
    }
}
