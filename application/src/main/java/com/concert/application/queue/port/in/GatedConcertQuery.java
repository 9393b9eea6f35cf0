package com.concert.application.queue.port.in;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.shared.UserId;

import java.util.Objects;

/** A read behind the queue: which concert, who asks, and the queue token they present (possibly missing). */
public record GatedConcertQuery(ConcertId concertId, UserId userId, String token) {

    public GatedConcertQuery {
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(userId, "userId");
    }
}
