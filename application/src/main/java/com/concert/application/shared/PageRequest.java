package com.concert.application.shared;

import com.concert.domain.shared.Violations;

/** A page of a listing: {@code page} counts from 0, {@code size} is 1 to {@value #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deep offsets cost the database a scan of everything before them; no real client pages this far. */
    public static final int MAX_PAGE = 100_000;

    public PageRequest {
        new Violations()
                .check(page >= 0 && page <= MAX_PAGE, "page", "must be between 0 and " + MAX_PAGE)
                .check(size >= 1 && size <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE)
                .throwIfAny();
    }

    public long offset() {
        return (long) page * size;
    }
}
