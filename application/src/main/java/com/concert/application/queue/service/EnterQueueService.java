package com.concert.application.queue.service;

import com.concert.application.catalog.service.ConcertLookup;
import com.concert.application.queue.port.in.EnterQueueCommand;
import com.concert.application.queue.port.in.EnterQueueUseCase;
import com.concert.application.queue.port.in.QueueTicket;
import com.concert.domain.concert.Concert;
import com.concert.domain.queue.AdmissionPolicy;
import com.concert.domain.queue.QueueEntry;
import com.concert.domain.queue.QueueStore;
import com.concert.domain.queue.QueueTokenId;

import java.time.Clock;
import java.time.Instant;
import java.util.random.RandomGenerator;

public final class EnterQueueService implements EnterQueueUseCase {

    private final ConcertLookup concerts;
    private final QueueStore queue;
    private final AdmissionPolicy policy;
    private final RandomGenerator random;
    private final Clock clock;

    /** @param random the source of token randomness: a {@code SecureRandom} in service */
    public EnterQueueService(ConcertLookup concerts, QueueStore queue, AdmissionPolicy policy, RandomGenerator random,
                             Clock clock) {
        this.concerts = concerts;
        this.queue = queue;
        this.policy = policy;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public QueueTicket enter(EnterQueueCommand command) {
        Instant now = clock.instant();
        Concert concert = concerts.require(command.concertId());
        concert.requireBookableAt(now);
        QueueEntry entry = queue.enter(concert.id(), command.userId(), QueueTokenId.generate(concert.id(), random), now);
        return QueueTickets.of(entry, policy);
    }
}
