package com.concert.application.booking.port.in;

import com.concert.domain.concert.ScheduleId;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatStatus;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every seat of one performance by number, as of {@code at}, from the read of the seats numbered {@code read}
 * ({@link com.concert.domain.seat.SeatSnapshot}): two maps of the same read list the same seats in the same
 * stored states, and a map of a higher read is fresher.
 */
public record SeatMap(ScheduleId scheduleId, Instant at, long read, List<Seat> seats) {

    public SeatMap {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(at, "at");
        seats = List.copyOf(seats);
    }

    /** What a client is told about a seat: a hold whose deadline passed reads AVAILABLE. */
    public SeatStatus statusOf(Seat seat) {
        return seat.statusAt(at);
    }

    /**
     * The span of time around {@code at} in which every seat of this map reads as it does at {@code at}
     * ({@link #statusOf}): from the latest deadline of a hold that has run out by {@code at}, to the earliest
     * deadline of a hold still running at {@code at}. The only thing that changes a status of the same stored
     * seats is a hold's deadline passing.
     */
    public Span unchanged() {
        Instant from = Instant.MIN;
        Instant until = Instant.MAX;
        for (Seat seat : seats) {
            if (seat.status() != SeatStatus.HELD) {
                continue;
            }
            Instant deadline = seat.holdUntil();
            if (deadline.isAfter(at)) {
                until = deadline.isBefore(until) ? deadline : until;
            } else {
                from = deadline.isAfter(from) ? deadline : from;
            }
        }
        return new Span(from, until);
    }

    /** From {@code from} (included) to {@code until} (excluded); {@link Instant#MIN} and {@link Instant#MAX} for no end. */
    public record Span(Instant from, Instant until) {

        public Span {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            if (!from.isBefore(until)) {
                throw new IllegalArgumentException("a span ends after it starts");
            }
        }

        public boolean contains(Instant moment) {
            return !moment.isBefore(from) && moment.isBefore(until);
        }
    }
}
