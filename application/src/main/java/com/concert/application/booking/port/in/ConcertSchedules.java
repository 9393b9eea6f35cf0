package com.concert.application.booking.port.in;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.Schedule;

import java.util.List;

/** The bookable performances of one concert, earliest first, each with its seats available now. */
public record ConcertSchedules(ConcertId concertId, List<Availability> schedules) {

    public ConcertSchedules {
        schedules = List.copyOf(schedules);
    }

    public record Availability(Schedule schedule, int availableSeats) {
    }
}
