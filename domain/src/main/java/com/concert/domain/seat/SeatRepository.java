package com.concert.domain.seat;

import com.concert.domain.concert.ScheduleId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The seats of the performances, as stored. */
public interface SeatRepository {

    /** Every seat of one schedule, by seat number. */
    List<Seat> findBySchedule(ScheduleId schedule);

    /**
     * For each given schedule, how many seats are available at {@code now}, counting holds whose deadline has
     * passed as available (see {@link Seat#statusAt}). Schedules without seats map to 0.
     */
    Map<ScheduleId, Integer> countAvailable(Collection<ScheduleId> schedules, Instant now);
}
