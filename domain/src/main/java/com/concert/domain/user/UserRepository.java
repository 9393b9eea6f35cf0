package com.concert.domain.user;

import com.concert.domain.shared.UserId;

/**
 * The service's users: one numeric {@link UserId} per identity-provider {@link Subject}, made on first sight and
 * never changed afterwards, so that seats, reservations, points and payments keep pointing at the same person.
 */
public interface UserRepository {

    /**
     * The id of {@code subject}, created if the subject has never been seen. Idempotent and safe under any
     * concurrency: any number of simultaneous first calls for one subject, on any number of instances, all
     * answer the same id, and exactly one user is created. Runs in a transaction of its own.
     */
    UserId idOf(Subject subject);
}
