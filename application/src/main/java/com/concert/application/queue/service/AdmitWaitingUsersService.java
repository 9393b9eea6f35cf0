package com.concert.application.queue.service;

import com.concert.application.queue.port.in.AdmitWaitingUsersUseCase;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.queue.AdmissionPolicy;
import com.concert.domain.queue.AdmissionResult;
import com.concert.domain.queue.QueueMetrics;
import com.concert.domain.queue.QueueStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

public final class AdmitWaitingUsersService implements AdmitWaitingUsersUseCase {

    private final QueueStore queue;
    private final QueueMetrics metrics;
    private final AdmissionPolicy policy;
    private final Clock clock;

    public AdmitWaitingUsersService(QueueStore queue, QueueMetrics metrics, AdmissionPolicy policy, Clock clock) {
        this.queue = queue;
        this.metrics = metrics;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public List<AdmissionResult> admitWaitingUsers() {
        Instant now = clock.instant();
        List<AdmissionResult> results = new ArrayList<>();
        for (ConcertId concert : queue.concertsInLine()) {
            results.add(queue.admit(concert, policy, now));
        }
        metrics.recorded(List.copyOf(results));
        return results;
    }

}
