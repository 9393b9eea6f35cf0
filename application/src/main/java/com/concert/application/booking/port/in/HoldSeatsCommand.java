package com.concert.application.booking.port.in;

import com.concert.domain.concert.ScheduleId;
import com.concert.domain.reservation.HoldRequest;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.seat.SeatId;
import com.concert.domain.shared.UserId;
import com.concert.domain.shared.Violations;

import java.util.List;
import java.util.Objects;

/**
 * A hold as the client asked for it. Checks itself: a schedule, and 1 to {@value Reservation#MAX_SEATS} distinct
 * positive seat ids.
 *
 * @throws com.concert.domain.shared.ValidationFailedException naming every broken field
 */
public record HoldSeatsCommand(UserId userId, String token, Long scheduleId, List<Long> seatIds) {

    public HoldSeatsCommand {
        Objects.requireNonNull(userId, "userId");
        Violations violations = new Violations();
        violations.check(scheduleId != null && scheduleId > 0, "scheduleId", "must be a positive integer");
        if (seatIds != null && seatIds.stream().anyMatch(id -> id == null || id < 1)) {
            violations.add("seatIds", "must be positive integers");
        } else {
            HoldRequest.seatRuleBrokenBy(seatIds).ifPresent(broken -> violations.add("seatIds", broken));
        }
        violations.throwIfAny();
        seatIds = List.copyOf(seatIds);
    }

    public ScheduleId schedule() {
        return new ScheduleId(scheduleId);
    }

    public List<SeatId> seats() {
        return seatIds.stream().map(SeatId::new).toList();
    }
}
