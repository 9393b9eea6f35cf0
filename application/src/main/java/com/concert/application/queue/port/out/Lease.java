package com.concert.application.queue.port.out;

import java.time.Duration;

/**
 * A short lease shared by every service instance, so that periodic work that is safe to run everywhere at
 * once still runs on one instance per period and the others stay idle. Holding the lease is an optimisation,
 * never a correctness condition: the work itself must be safe without it.
 */
public interface Lease {

    /** True if this instance now holds the lease {@code name} for {@code ttl} (taken or renewed). */
    boolean tryAcquire(String name, Duration ttl);
}
