package com.concert.adapter.in.web.support;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.shared.ValidationFailedException;

/** Ids taken from paths: a number that is not positive names nothing, and says so as a validation error. */
public final class PathIds {

    private PathIds() {
    }

    public static ConcertId concert(long value) {
        return new ConcertId(positive("concertId", value));
    }

    public static ScheduleId schedule(long value) {
        return new ScheduleId(positive("scheduleId", value));
    }

    private static long positive(String name, long value) {
        if (value < 1) {
            throw ValidationFailedException.of(name, "must be a positive integer");
        }
        return value;
    }
}
