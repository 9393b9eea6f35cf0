package com.concert.domain.reservation;

import com.concert.domain.shared.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reservations and the seats they hold. Every method runs inside the caller's transaction ({@link #hold} may also
 * run alone) and keeps these
 * promises against any number of concurrent callers, in any number of service instances:
 *
 * <ul>
 *     <li><b>No seat twice.</b> A seat belongs to at most one live (HELD and not run out, or CONFIRMED)
 *     reservation. {@link #hold} takes all requested seats or none.</li>
 *     <li><b>A run-out hold frees its seats at once</b>: {@link #hold} takes a seat whose hold has passed its
 *     deadline as if it were available, ending that old reservation as EXPIRED.</li>
 *     <li><b>Transitions are conditional</b>: confirm and cancel change a reservation only if it is still
 *     HELD and not run out at {@code now}, so that a payment and a cancel, or a payment and an expiry, never
 *     both succeed.</li>
 * </ul>
 */
public interface ReservationRepository {

    /**
     * Holds every requested seat until {@code now + holdTtl} for a new HELD reservation, or none. Atomic by
     * itself: run alone, outside any transaction, it still writes all of the hold or nothing.
     *
     * @throws com.concert.domain.seat.SeatNotFoundException     when a seat is not in the schedule
     * @throws SeatUnavailableException                          when a seat is held or sold; names them all
     * @throws SeatLimitExceededException                        when the user would hold or own more than
     *                                                           {@code maxSeatsPerUser} seats of the schedule
     */
    Reservation hold(HoldRequest request, Instant now, Duration holdTtl, int maxSeatsPerUser);

    Optional<Reservation> findById(ReservationId id);

    /**
     * HELD and not run out at {@code now}, and the user's: becomes CONFIRMED and its seats SOLD.
     *
     * @return the confirmed reservation, or empty when any condition failed (nothing changed)
     */
    Optional<Reservation> confirm(ReservationId id, UserId user, Instant now);

    /**
     * HELD and not run out at {@code now}, and the user's: becomes CANCELLED and its seats available.
     *
     * @return false when any condition failed (nothing changed)
     */
    boolean cancel(ReservationId id, UserId user, Instant now);

    /**
     * Records up to {@code limit} holds whose deadline passed as EXPIRED and releases their seats. Several
     * instances may sweep at once: each reservation is swept by exactly one of them.
     *
     * @return how many reservations this call expired
     */
    int expireDue(Instant now, int limit);
}
