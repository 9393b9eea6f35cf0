package com.concert.application.queue.port.in;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.shared.UserId;

import java.util.Objects;

public record EnterQueueCommand(ConcertId concertId, UserId userId) {

    public EnterQueueCommand {
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(userId, "userId");
    }
}
