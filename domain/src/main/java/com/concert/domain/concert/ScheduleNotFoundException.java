package com.concert.domain.concert;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

public final class ScheduleNotFoundException extends DomainException {

    public ScheduleNotFoundException(ConcertId concertId, ScheduleId scheduleId) {
        super(ErrorCode.SCHEDULE_NOT_FOUND, "Concert " + concertId + " has no schedule " + scheduleId);
    }
}
