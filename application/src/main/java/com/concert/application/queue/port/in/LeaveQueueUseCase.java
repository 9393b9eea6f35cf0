package com.concert.application.queue.port.in;

/** A fan gives up a place in line, or an active slot, so that the next in line gets it. */
public interface LeaveQueueUseCase {

    /**
     * Ends the token; afterwards it is invalid.
     *
     * @throws com.concert.domain.queue.TokenMissingException when no token was presented
     * @throws com.concert.domain.queue.TokenInvalidException when the token is unknown, ended or another user's
     */
    void leave(QueueTokenQuery token);
}
