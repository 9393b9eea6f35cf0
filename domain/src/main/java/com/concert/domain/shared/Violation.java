package com.concert.domain.shared;

import java.util.Objects;

/** One input that broke a rule: the field's path as the client spelt it, and what is wrong with it. */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
