package com.concert.domain.queue;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the queue store answers about a token: the token as it stands now, whether this call created it, and
 * the concert's measured admission rate (users per second, a moving average), absent until measured.
 */
public record QueueEntry(QueueToken token, boolean created, OptionalDouble admissionRatePerSecond) {

    public QueueEntry {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(admissionRatePerSecond, "admissionRatePerSecond");
    }
}
