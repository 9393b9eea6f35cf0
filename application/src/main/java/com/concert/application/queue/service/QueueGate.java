package com.concert.application.queue.service;

import com.concert.application.catalog.service.ConcertLookup;
import com.concert.application.queue.port.in.GatedConcertQuery;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.queue.QueueEntry;
import com.concert.domain.queue.QueueStore;
import com.concert.domain.queue.QueueToken;
import com.concert.domain.queue.QueueTokenId;
import com.concert.domain.queue.TokenInvalidException;
import com.concert.domain.queue.TokenMissingException;
import com.concert.domain.shared.UserId;

import java.time.Clock;
import java.util.Optional;

/**
 * The check every use case behind the queue starts with: the caller presents a token of theirs, for this
 * concert, that has been admitted and has not run out.
 */
public final class QueueGate {

    private final QueueStore queue;
    private final Clock clock;

    public QueueGate(QueueStore queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * The token as presented, before anything else is looked up.
     *
     * @throws TokenMissingException when none was presented
     * @throws TokenInvalidException when it is not even shaped like a token
     */
    public static QueueTokenId parse(String presented) {
        if (presented == null || presented.isBlank()) {
            throw new TokenMissingException();
        }
        return QueueTokenId.parse(presented.strip()).orElseThrow(TokenInvalidException::new);
    }

    /** The caller's entry for the token, however it stands. */
    public QueueEntry find(QueueTokenId token, UserId user) {
        return queue.find(token, user, clock.instant()).orElseThrow(TokenInvalidException::new);
    }

    /**
     * The concert of a read behind the queue, once the caller's token has been checked for it: missing or
     * malformed first, then the concert, then whether the token is active for it.
     *
     * @throws com.concert.domain.concert.ConcertNotFoundException when there is no such concert
     */
    public Concert admit(GatedConcertQuery query, ConcertLookup concerts) {
        QueueTokenId token = parse(query.token());
        Concert concert = concerts.require(query.concertId());
        requireActive(token, query.userId(), concert.id());
        return concert;
    }

    /**
     * @throws TokenInvalidException when the token is unknown, ended, another user's or another concert's
     * @throws com.concert.domain.queue.TokenNotActiveException when it is still waiting
     */
    public QueueToken requireActive(QueueTokenId token, UserId user, ConcertId concert) {
        if (!token.concertId().equals(concert)) {
            throw new TokenInvalidException();
        }
        QueueToken found = find(token, user).token();
        found.requireActiveFor(user, concert, clock.instant());
        return found;
    }

    /**
     * The token looked up once, ahead of work that must not wait for the queue while it holds locks; what it
     * allows is asked of the answer later, with the same exceptions {@link #requireActive} throws, in the order
     * the caller's checks need. A failure to reach the queue is kept the same way, so that work which needs no
     * token (answering a repeat by its idempotency key) still gets done.
     */
    public TokenCheck check(QueueTokenId token, UserId user) {
        try {
            requireActive(token, user, token.concertId());
            return new TokenCheck(token, null);
        } catch (RuntimeException refused) {
            return new TokenCheck(token, refused);
        }
    }

    /** A token as {@link #check} found it: active for its concert, or refused with the reason. */
    public static final class TokenCheck {

        private final QueueTokenId token;
        private final RuntimeException refusal;

        private TokenCheck(QueueTokenId token, RuntimeException refusal) {
            this.token = token;
            this.refusal = refusal;
        }

        public QueueTokenId token() {
            return token;
        }

        /** The concert the token lets its holder book now; empty when it lets them book none. */
        public Optional<ConcertId> admittedTo() {
            return refusal == null ? Optional.of(token.concertId()) : Optional.empty();
        }

        /**
         * @throws TokenInvalidException when the token is unknown, ended, another user's or another concert's
         * @throws com.concert.domain.queue.TokenNotActiveException when it is still waiting
         */
        public void requireActiveFor(ConcertId concert) {
            if (!token.concertId().equals(concert)) {
                throw new TokenInvalidException();
            }
            if (refusal != null) {
                throw refusal;
            }
        }
    }
}
