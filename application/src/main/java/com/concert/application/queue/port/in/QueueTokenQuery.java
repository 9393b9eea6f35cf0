package com.concert.application.queue.port.in;

import com.concert.domain.shared.UserId;

import java.util.Objects;

/** A token as the client presented it (possibly missing or malformed), and who presented it. */
public record QueueTokenQuery(String token, UserId userId) {

    public QueueTokenQuery {
        Objects.requireNonNull(userId, "userId");
    }
}
