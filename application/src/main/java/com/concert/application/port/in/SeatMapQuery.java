package com.concert.application.port.in;

import com.concert.domain.concert.ScheduleId;

import java.util.Objects;

public record SeatMapQuery(GatedConcertQuery concert, ScheduleId scheduleId) {

    public SeatMapQuery {
        Objects.requireNonNull(concert, "concert");
        Objects.requireNonNull(scheduleId, "scheduleId");
    }
}
