package com.concert.domain.shared;

import java.util.List;
import java.util.stream.Collectors;

/** Input that is well formed but breaks a rule of the model: a missing field, a value out of range. */
public final class ValidationFailedException extends DomainException {

    private final transient List<Violation> violations;

    public ValidationFailedException(List<Violation> violations) {
        super(ErrorCode.VALIDATION_FAILED, describe(violations));
        this.violations = List.copyOf(violations);
    }

    public static ValidationFailedException of(String field, String message) {
        return new ValidationFailedException(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one field");
        }
        return violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; "));
    }
}
