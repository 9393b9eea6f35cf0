package com.concert.adapter.in.web.concert;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.shared.ValidationFailedException;

/** Ids taken from paths: a number that is not positive names nothing, and says so as a validation error. */
final class PathIds {

    private PathIds() {
    }

    static ConcertId concert(long value) {
        if (value < 1) {
            throw ValidationFailedException.of("concertId", "must be a positive integer");
        }
        return new ConcertId(value);
    }
}
