package com.concert.application.queue.service;

import com.concert.application.queue.port.in.AdmitWaitingUsersUseCase;
import com.concert.application.queue.port.out.Lease;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.queue.AdmissionPolicy;
import com.concert.domain.queue.AdmissionResult;
import com.concert.domain.queue.QueueMetrics;
import com.concert.domain.queue.QueueStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

public final class AdmitWaitingUsersService implements AdmitWaitingUsersUseCase {

    static final String LEASE = "queue-admission";

    private final QueueStore queue;
    private final Lease lease;
    private final QueueMetrics metrics;
    private final AdmissionPolicy policy;
    private final Clock clock;

    public AdmitWaitingUsersService(QueueStore queue, Lease lease, QueueMetrics metrics, AdmissionPolicy policy,
                                    Clock clock) {
        this.queue = queue;
        this.lease = lease;
        this.metrics = metrics;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public List<AdmissionResult> admitWaitingUsers() {
        // shorter than a period, so that a lease holder that dies is replaced at the next tick
        if (!lease.tryAcquire(LEASE, leaseTime())) {
            return List.of();
        }
        Instant now = clock.instant();
        List<AdmissionResult> results = new ArrayList<>();
        for (ConcertId concert : queue.concertsInLine()) {
            AdmissionResult result = queue.admit(concert, policy, now);
            metrics.recorded(result);
            results.add(result);
        }
        return results;
    }

    private Duration leaseTime() {
        return policy.interval().multipliedBy(4).dividedBy(5);
    }
}
