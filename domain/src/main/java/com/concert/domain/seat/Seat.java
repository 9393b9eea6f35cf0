package com.concert.domain.seat;

import com.concert.domain.concert.ScheduleId;

import java.time.Instant;
import java.util.Objects;

/**
 * One seat of one performance. Rebuilt from storage with {@link #restore}; its booking state changes only
 * through the reservation rules, never by setting fields.
 */
public final class Seat {

    private final SeatId id;
    private final ScheduleId scheduleId;
    private final int number;
    private final String grade;
    private final long price;
    private final SeatStatus status;
    private final Instant holdUntil;

    private Seat(SeatId id, ScheduleId scheduleId, int number, String grade, long price, SeatStatus status,
                 Instant holdUntil) {
        this.id = Objects.requireNonNull(id, "id");
        this.scheduleId = Objects.requireNonNull(scheduleId, "scheduleId");
        this.grade = Objects.requireNonNull(grade, "grade");
        this.status = Objects.requireNonNull(status, "status");
        if (number < 1 || price < 1) {
            throw new IllegalArgumentException("a seat has a number from 1 and a positive price");
        }
        if ((status == SeatStatus.HELD) != (holdUntil != null)) {
            throw new IllegalArgumentException("a held seat, and only a held seat, has a deadline");
        }
        this.number = number;
        this.price = price;
        this.holdUntil = holdUntil;
    }

    /** The one way to rebuild a seat from storage. {@code holdUntil} is set exactly when the seat is HELD. */
    public static Seat restore(SeatId id, ScheduleId scheduleId, int number, String grade, long price,
                               SeatStatus status, Instant holdUntil) {
        return new Seat(id, scheduleId, number, grade, price, status, holdUntil);
    }

    /** The status a client sees at {@code now}: a hold whose deadline has passed is available again. */
    public SeatStatus statusAt(Instant now) {
        if (status == SeatStatus.HELD && !now.isBefore(holdUntil)) {
            return SeatStatus.AVAILABLE;
        }
        return status;
    }

    public boolean isAvailableAt(Instant now) {
        return statusAt(now) == SeatStatus.AVAILABLE;
    }

    public SeatId id() {
        return id;
    }

    public ScheduleId scheduleId() {
        return scheduleId;
    }

    public int number() {
        return number;
    }

    public String grade() {
        return grade;
    }

    public long price() {
        return price;
    }

    public SeatStatus status() {
        return status;
    }

    public Instant holdUntil() {
        return holdUntil;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Seat seat && seat.id.equals(id) && seat.status == status
                && Objects.equals(seat.holdUntil, holdUntil);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Seat " + number + " (" + id + ", " + status + ")";
    }
}
