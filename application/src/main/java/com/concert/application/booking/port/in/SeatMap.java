package com.concert.application.booking.port.in;

import com.concert.domain.concert.ScheduleId;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatStatus;

import java.time.Instant;
import java.util.List;

/** Every seat of one performance by number, as of {@code at}. */
public record SeatMap(ScheduleId scheduleId, Instant at, List<Seat> seats) {

    public SeatMap {
        seats = List.copyOf(seats);
    }

    /** What a client is told about a seat: a hold whose deadline passed reads AVAILABLE. */
    public SeatStatus statusOf(Seat seat) {
        return seat.statusAt(at);
    }
}
