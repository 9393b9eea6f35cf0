package com.concert.domain.reservation;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.shared.UserId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Seats of one performance held for one user until {@code expiresAt}, then paid, cancelled or run out. A HELD
 * reservation whose deadline has passed is EXPIRED from that instant on, whether or not the sweeper has
 * recorded it yet ({@link #statusAt}). State changes through the methods named after the business events.
 */
public record Reservation(ReservationId id, UserId userId, ConcertId concertId, ScheduleId scheduleId,
                          List<ReservedSeat> seats, ReservationStatus status, Instant createdAt, Instant expiresAt,
                          Instant endedAt) {

    /** A reservation holds 1 to this many seats; the per-user limit per performance is a setting on top. */
    public static final int MAX_SEATS = 4;

    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        seats = seats.stream().sorted(Comparator.comparingInt(ReservedSeat::number)).toList();
        HoldRequest.seatRuleBrokenBy(seats.stream().map(ReservedSeat::id).toList()).ifPresent(broken -> {
            throw new IllegalArgumentException("a reservation's seats " + broken);
        });
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a hold ends after it starts");
        }
        if ((status == ReservationStatus.HELD) != (endedAt == null)) {
            throw new IllegalArgumentException("a reservation has an end exactly when it is no longer held");
        }
    }

    /** What the reservation is at {@code now}: a hold past its deadline reads EXPIRED at once. */
    public ReservationStatus statusAt(Instant now) {
        return status == ReservationStatus.HELD && !now.isBefore(expiresAt) ? ReservationStatus.EXPIRED : status;
    }

    public boolean isOwnedBy(UserId user) {
        return userId.equals(user);
    }

    public long totalPrice() {
        return seats.stream().mapToLong(ReservedSeat::price).sum();
    }

    /**
     * @throws ReservationExpiredException    when the hold ran out before payment
     * @throws ReservationNotPayableException when it is already paid or cancelled
     */
    public void requirePayableAt(Instant now) {
        switch (statusAt(now)) {
            case HELD -> {
            }
            case EXPIRED -> throw new ReservationExpiredException(id);
            case CONFIRMED, CANCELLED -> throw new ReservationNotPayableException(id, status);
        }
    }

    /**
     * Whether a cancel has anything to do: false for a reservation already cancelled (cancelling twice is
     * harmless), true for a live hold.
     *
     * @throws ReservationNotCancellableException when it is paid or has run out
     */
    public boolean requireCancellableAt(Instant now) {
        return switch (statusAt(now)) {
            case HELD -> true;
            case CANCELLED -> false;
            case CONFIRMED, EXPIRED -> throw new ReservationNotCancellableException(id, statusAt(now));
        };
    }

}
