package com.concert.application.service;

import com.concert.application.port.in.GetQueueStatusUseCase;
import com.concert.application.port.in.QueueTicket;
import com.concert.application.port.in.QueueTokenQuery;
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
