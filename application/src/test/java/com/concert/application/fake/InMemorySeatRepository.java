package com.concert.application.fake;

import com.concert.domain.concert.Schedule;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatId;
import com.concert.domain.seat.SeatRepository;
import com.concert.domain.seat.SeatSnapshot;
import com.concert.domain.seat.SeatStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Seats in memory, for services tested without a database. */
public final class InMemorySeatRepository implements SeatRepository, InMemoryStore {

    private final Map<SeatId, Seat> seats = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();

    /** Creates {@code count} available seats of one grade for {@code schedule}, numbered from 1. */
    public synchronized List<Seat> addSeats(Schedule schedule, int count, long price) {
        List<Seat> added = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            Seat seat = Seat.restore(new SeatId(ids.incrementAndGet()), schedule.id(), number, "R", price,
                    SeatStatus.AVAILABLE, null);
            seats.put(seat.id(), seat);
            added.add(seat);
        }
        return added;
    }

    /** Replaces a seat's stored state, as a reservation would. */
    public synchronized void put(Seat seat) {
        seats.put(seat.id(), seat);
    }

    /** Seat ids are not given back, as a database sequence does not give them back. */
    @Override
    public synchronized Runnable savepoint() {
        Map<SeatId, Seat> saved = new HashMap<>(seats);
        return () -> {
            synchronized (this) {
                seats.clear();
                seats.putAll(saved);
            }
        };
    }

    /** Every read is exact and has a number of its own. */
    @Override
    public synchronized SeatSnapshot snapshot(ScheduleId schedule) {
        return new SeatSnapshot(reads.incrementAndGet(), seats.values().stream()
                .filter(s -> s.scheduleId().equals(schedule))
                .sorted(Comparator.comparingInt(Seat::number)).toList());
    }

    @Override
    public synchronized Map<ScheduleId, Integer> countAvailable(Collection<ScheduleId> schedules, Instant now) {
        Map<ScheduleId, Integer> counts = new HashMap<>();
        for (ScheduleId schedule : schedules) {
            counts.put(schedule, (int) seats.values().stream()
                    .filter(s -> s.scheduleId().equals(schedule) && s.isAvailableAt(now)).count());
        }
        return counts;
    }
}
