package com.concert.adapter.in.web.support;

/**
 * Ids in paths are checked by Bean Validation on the controllers' parameters ({@code @Positive}): a number that is
 * not positive names nothing, and is answered {@code 400 VALIDATION_FAILED} naming the path variable.
 */
public final class PathIds {

    /** The message of every refused path id, as clients have always seen it. */
    public static final String MUST_BE_POSITIVE = "must be a positive integer";

    private PathIds() {
    }
}
