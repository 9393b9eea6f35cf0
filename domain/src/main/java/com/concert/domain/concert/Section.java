package com.concert.domain.concert;

import java.util.Objects;

/** A block of seats of one grade and one price; a schedule's seats are numbered section after section. */
public record Section(String grade, long price, int seats) {

    public static final int MAX_GRADE_LENGTH = 20;
    public static final long MAX_PRICE = 10_000_000;
    public static final int MAX_SEATS = 50_000;

    public Section {
        Objects.requireNonNull(grade, "grade");
        if (grade.isBlank() || grade.length() > MAX_GRADE_LENGTH) {
            throw new IllegalArgumentException("a grade has 1 to " + MAX_GRADE_LENGTH + " characters");
        }
        if (price < 1 || price > MAX_PRICE) {
            throw new IllegalArgumentException("a price is 1 to " + MAX_PRICE);
        }
        if (seats < 1 || seats > MAX_SEATS) {
            throw new IllegalArgumentException("a section has 1 to " + MAX_SEATS + " seats");
        }
    }
}
