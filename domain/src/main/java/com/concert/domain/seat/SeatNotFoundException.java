package com.concert.domain.seat;

import com.concert.domain.concert.ScheduleId;
import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

import java.util.List;
import java.util.stream.Collectors;

public final class SeatNotFoundException extends DomainException {

    public SeatNotFoundException(ScheduleId schedule, List<SeatId> missing) {
        super(ErrorCode.SEAT_NOT_FOUND, "Schedule " + schedule + " has no seat "
                + missing.stream().map(SeatId::toString).collect(Collectors.joining(", ")));
    }
}
