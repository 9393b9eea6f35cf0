package com.concert.application.fake;

import com.concert.application.queue.port.out.Lease;

import java.time.Duration;

/** A lease that another instance may be holding, as the test says. */
public final class FakeLease implements Lease {

    private volatile boolean heldElsewhere;
    private volatile Duration lastTtl;

    public void heldByAnotherInstance(boolean held) {
        this.heldElsewhere = held;
    }

    public Duration lastTtl() {
        return lastTtl;
    }

    @Override
    public boolean tryAcquire(String name, Duration ttl) {
        lastTtl = ttl;
        return !heldElsewhere;
    }
}
