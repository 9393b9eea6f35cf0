package com.concert.application.booking.port.in;

import com.concert.application.queue.port.in.GatedConcertQuery;
import com.concert.domain.concert.ScheduleId;

import java.util.Objects;

public record SeatMapQuery(GatedConcertQuery concert, ScheduleId scheduleId) {

    public SeatMapQuery {
        Objects.requireNonNull(concert, "concert");
        Objects.requireNonNull(scheduleId, "scheduleId");
    }
}
