package com.concert.domain.seat;

import com.concert.domain.concert.ScheduleId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The seats of the performances, for reading. Implementations run outside any caller's transaction and may
 * answer from a copy up to one second old (a hold or sale may show that much later); a hold's deadline is
 * stored with it, so a hold that ran out reads AVAILABLE at once ({@link Seat#statusAt}). Never the basis of a
 * hold or a sale.
 */
public interface SeatRepository {

    /**
     * Every seat of one schedule, by seat number, with the number of the read that found them: an answer from a
     * copy carries the number of the read that made the copy, for as long as that copy is answered; a read of
     * the storage that begins later carries a higher number (see {@link SeatSnapshot}).
     */
    SeatSnapshot snapshot(ScheduleId schedule);

    /** Every seat of one schedule, by seat number. */
    default List<Seat> findBySchedule(ScheduleId schedule) {
        return snapshot(schedule).seats();
    }

    /**
     * For each given schedule, how many seats are available at {@code now}, counting holds whose deadline has
     * passed as available (see {@link Seat#statusAt}). Schedules without seats map to 0.
     */
    Map<ScheduleId, Integer> countAvailable(Collection<ScheduleId> schedules, Instant now);
}
