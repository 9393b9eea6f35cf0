package com.concert.application.shared;

import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

/**
 * A store the service needs (the database, Redis) cannot be reached right now. Adapters translate their
 * own connection failures into this, so callers learn to retry later instead of seeing a bug.
 */
public final class DependencyUnavailableException extends DomainException {

    private final String dependency;

    public DependencyUnavailableException(String dependency, Throwable cause) {
        super(ErrorCode.SERVICE_UNAVAILABLE, dependency + " is unavailable; try again shortly", cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}
