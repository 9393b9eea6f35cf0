package com.concert.domain.queue;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.shared.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's place in one concert's queue. WAITING tokens have a position (1 is next in line); ACTIVE tokens
 * have the instant their slot ends. A token belongs to exactly one user and one concert.
 */
public record QueueToken(QueueTokenId id, ConcertId concertId, UserId userId, QueueStatus status, long position,
                         Instant activeUntil) {

    public QueueToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        if (!id.concertId().equals(concertId)) {
            throw new IllegalArgumentException("token " + id + " was issued for concert " + id.concertId());
        }
        switch (status) {
            case WAITING -> {
                if (position < 1 || activeUntil != null) {
                    throw new IllegalArgumentException("a waiting token has a position from 1 and no end");
                }
            }
            case ACTIVE -> {
                if (position != 0 || activeUntil == null) {
                    throw new IllegalArgumentException("an active token has an end and no position");
                }
            }
        }
    }

    public static QueueToken waiting(QueueTokenId id, UserId user, long position) {
        return new QueueToken(id, id.concertId(), user, QueueStatus.WAITING, position, null);
    }

    public static QueueToken active(QueueTokenId id, UserId user, Instant activeUntil) {
        return new QueueToken(id, id.concertId(), user, QueueStatus.ACTIVE, 0, activeUntil);
    }

    public boolean isActive() {
        return status == QueueStatus.ACTIVE;
    }

    /** An active token has run out once its end has come; a waiting token never runs out by itself. */
    public boolean hasExpiredAt(Instant now) {
        return status == QueueStatus.ACTIVE && !now.isBefore(activeUntil);
    }

    /**
     * The gate in front of seats, holds and payments.
     *
     * @throws TokenInvalidException    when the token belongs to another user or another concert, or has run out
     * @throws TokenNotActiveException  when the token is still waiting in line
     */
    public void requireActiveFor(UserId user, ConcertId concert, Instant now) {
        if (!userId.equals(user) || !concertId.equals(concert) || hasExpiredAt(now)) {
            throw new TokenInvalidException();
        }
        if (status == QueueStatus.WAITING) {
            throw new TokenNotActiveException(position);
        }
    }
}
