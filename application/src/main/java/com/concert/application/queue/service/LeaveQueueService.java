package com.concert.application.queue.service;

import com.concert.application.queue.port.in.LeaveQueueUseCase;
import com.concert.application.queue.port.in.QueueTokenQuery;
import com.concert.domain.queue.QueueStore;
import com.concert.domain.queue.QueueTokenId;
import com.concert.domain.queue.TokenInvalidException;

public final class LeaveQueueService implements LeaveQueueUseCase {

    private final QueueGate gate;
    private final QueueStore queue;

    public LeaveQueueService(QueueGate gate, QueueStore queue) {
        this.gate = gate;
        this.queue = queue;
    }

    @Override
    public void leave(QueueTokenQuery query) {
        QueueTokenId token = QueueGate.parse(query.token());
        // a token that ran out is already gone for its user: leaving it is as invalid as leaving a stranger's
        gate.find(token, query.userId());
        if (!queue.leave(token, query.userId())) {
            throw new TokenInvalidException();
        }
    }
}
