package com.concert.adapter.in.web.queue;

import com.concert.application.queue.port.in.QueueTicket;
import com.concert.domain.queue.QueueToken;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A place in line, as the contract shows it. */
record QueueResponse(
        @Schema(description = "present as X-Queue-Token; opaque") String token,
        long concertId,
        @Schema(allowableValues = {"WAITING", "ACTIVE"}) String status,
        @Schema(description = "1 for the first in line; null once ACTIVE", nullable = true) Long position,
        @Schema(description = "from the measured admission rate; 0 once ACTIVE") long estimatedWaitSeconds,
        @Schema(description = "when the active slot ends; null while WAITING", nullable = true) Instant activeUntil) {

    static QueueResponse of(QueueTicket ticket) {
        QueueToken token = ticket.token();
        return new QueueResponse(token.id().value(), token.concertId().value(), token.status().name(),
                token.isActive() ? null : token.position(), ticket.estimatedWaitSeconds(), token.activeUntil());
    }
}
