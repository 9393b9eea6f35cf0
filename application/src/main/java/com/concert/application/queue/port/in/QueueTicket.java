package com.concert.application.queue.port.in;

import com.concert.domain.queue.QueueToken;

import java.util.Objects;

/**
 * A user's place in line as the client sees it: the token, its status and position or end, the estimated
 * wait, and whether this request created the token.
 */
public record QueueTicket(QueueToken token, long estimatedWaitSeconds, boolean created) {

    public QueueTicket {
        Objects.requireNonNull(token, "token");
        if (estimatedWaitSeconds < 0) {
            throw new IllegalArgumentException("a wait is not negative");
        }
    }
}
