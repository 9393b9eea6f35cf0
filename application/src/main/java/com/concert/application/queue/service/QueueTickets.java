package com.concert.application.queue.service;

import com.concert.application.queue.port.in.QueueTicket;
import com.concert.domain.queue.AdmissionPolicy;
import com.concert.domain.queue.QueueEntry;
import com.concert.domain.queue.WaitEstimator;

/** Turns what the store answers into what the client is told. */
final class QueueTickets {

    private QueueTickets() {
    }

    static QueueTicket of(QueueEntry entry, AdmissionPolicy policy) {
        return new QueueTicket(entry.token(),
                WaitEstimator.estimateSeconds(entry.token(), entry.admissionRatePerSecond(), policy), entry.created());
    }
}
