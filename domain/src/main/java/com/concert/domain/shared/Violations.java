package com.concert.domain.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every broken rule of one input before refusing it, so that a client learns all that is wrong
 * in one answer instead of one field per round trip.
 */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    public Violations check(boolean holds, String field, String message) {
        if (!holds) {
            found.add(new Violation(field, message));
        }
        return this;
    }

    public Violations add(String field, String message) {
        found.add(new Violation(field, message));
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws {@link ValidationFailedException} naming every violation, if there is any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationFailedException(found);
        }
    }
}
