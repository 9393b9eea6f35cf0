package com.concert.application.booking.service;

import com.concert.application.booking.port.in.ConcertSchedules;
import com.concert.application.booking.port.in.GetBookableSchedulesUseCase;
import com.concert.application.catalog.service.ConcertLookup;
import com.concert.application.queue.port.in.GatedConcertQuery;
import com.concert.application.queue.service.QueueGate;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertNotAvailableException;
import com.concert.domain.concert.Schedule;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.seat.SeatRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

public final class GetBookableSchedulesService implements GetBookableSchedulesUseCase {

    private final ConcertLookup concerts;
    private final SeatRepository seats;
    private final QueueGate gate;
    private final Clock clock;

    public GetBookableSchedulesService(ConcertLookup concerts, SeatRepository seats, QueueGate gate, Clock clock) {
        this.concerts = concerts;
        this.seats = seats;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public ConcertSchedules schedules(GatedConcertQuery query) {
        Concert concert = gate.admit(query, concerts);
        Instant now = clock.instant();
        List<Schedule> bookable = concert.bookableSchedulesAt(now);
        if (bookable.isEmpty()) {
            throw new ConcertNotAvailableException(concert.id());
        }
        Map<ScheduleId, Integer> available = seats.countAvailable(bookable.stream().map(Schedule::id).toList(), now);
        return new ConcertSchedules(concert.id(), bookable.stream()
                .map(s -> new ConcertSchedules.Availability(s, available.getOrDefault(s.id(), 0)))
                .toList());
    }
}
