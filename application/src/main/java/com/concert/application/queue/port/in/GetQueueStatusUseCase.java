package com.concert.application.queue.port.in;

/** A waiting fan polls for the current place in line. */
public interface GetQueueStatusUseCase {

    /**
     * @throws com.concert.domain.queue.TokenMissingException when no token was presented
     * @throws com.concert.domain.queue.TokenInvalidException when the token is unknown, ended or another user's
     */
    QueueTicket status(QueueTokenQuery query);
}
