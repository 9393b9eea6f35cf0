package com.concert.application.booking.service;

import com.concert.application.booking.port.in.GetSeatMapUseCase;
import com.concert.application.booking.port.in.SeatMap;
import com.concert.application.booking.port.in.SeatMapQuery;
import com.concert.application.catalog.service.ConcertLookup;
import com.concert.application.queue.service.QueueGate;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ScheduleNotFoundException;
import com.concert.domain.seat.SeatRepository;
import com.concert.domain.seat.SeatSnapshot;

import java.time.Clock;

public final class GetSeatMapService implements GetSeatMapUseCase {

    private final ConcertLookup concerts;
    private final SeatRepository seats;
    private final QueueGate gate;
    private final Clock clock;

    public GetSeatMapService(ConcertLookup concerts, SeatRepository seats, QueueGate gate, Clock clock) {
        this.concerts = concerts;
        this.seats = seats;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public SeatMap seatMap(SeatMapQuery query) {
        Concert concert = gate.admit(query.concert(), concerts);
        if (concert.schedules().stream().noneMatch(s -> s.id().equals(query.scheduleId()))) {
            throw new ScheduleNotFoundException(concert.id(), query.scheduleId());
        }
        SeatSnapshot snapshot = seats.snapshot(query.scheduleId());
        return new SeatMap(query.scheduleId(), clock.instant(), snapshot.read(), snapshot.seats());
    }
}
