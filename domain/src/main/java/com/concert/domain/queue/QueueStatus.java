package com.concert.domain.queue;

/** Where a token stands. A token that left or ran out is not a status: it no longer exists. */
public enum QueueStatus {
    /** In line; may not look at seats yet. */
    WAITING,
    /** Admitted: may look at seats, hold and pay until its time runs out. */
    ACTIVE
}
