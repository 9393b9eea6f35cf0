package com.concert.domain.concert;

/** One performance of a concert. */
public record ScheduleId(long value) {

    public ScheduleId {
        if (value < 1) {
            throw new IllegalArgumentException("a schedule id is positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
