package com.concert.application.queue.service;

import com.concert.application.queue.port.in.GetQueueStatusUseCase;
import com.concert.application.queue.port.in.QueueTicket;
import com.concert.application.queue.port.in.QueueTokenQuery;
import com.concert.domain.queue.AdmissionPolicy;

public final class GetQueueStatusService implements GetQueueStatusUseCase {

    private final QueueGate gate;
    private final AdmissionPolicy policy;

    public GetQueueStatusService(QueueGate gate, AdmissionPolicy policy) {
        this.gate = gate;
        this.policy = policy;
    }

    @Override
    public QueueTicket status(QueueTokenQuery query) {
        return QueueTickets.of(gate.find(QueueGate.parse(query.token()), query.userId()), policy);
    }
}
