package com.concert.application.booking.port.out;

import com.concert.application.idempotency.IdempotencyKey;
import com.concert.application.idempotency.IdempotentOutcome;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.payment.Payment;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment settled as one atomic step: the idempotency key claimed (when there is one), the caller's live hold
 * confirmed and its seats sold, its price taken from the wallet with the history row that says so, and the
 * payment recorded under the key. Everything is decided before anything is written, so only {@link Paid} leaves a
 * change behind: the step is atomic by itself and may run as a single call
 * ({@link com.concert.application.shared.TransactionRunner#singleCall}), or join a caller's transaction. It keeps
 * the promises of the ports it stands for ({@link com.concert.domain.reservation.ReservationRepository#confirm},
 * {@link com.concert.domain.point.WalletRepository#use}, {@link com.concert.domain.payment.PaymentRepository#record}
 * and {@link com.concert.application.idempotency.IdempotencyStore#claim}), against any number of concurrent
 * callers:
 *
 * <ul>
 *     <li>a reservation is confirmed and paid at most once, and only while it is the caller's, HELD and not run
 *     out at {@code now}, and of the concert the caller is admitted to;</li>
 *     <li>points are used only while the balance covers the price, and every use has its history row;</li>
 *     <li>of several callers with one user's key, exactly one claims it; each of the others waits until that
 *     one's step ends, then answers its record (paid) or claims the key itself (anything else, which leaves no
 *     claim behind).</li>
 * </ul>
 *
 * <p>The rows are locked in the order of ADR 6: the reservation first, then the wallet, then the reservation's
 * seats (only a payment locks both a wallet and seats, always after its reservation).
 */
public interface PaymentSettlement {

    /**
     * @param admittedTo  the concert the caller's queue token is active for, checked before this call; empty when
     *                    it is not active for any, and then nothing but a key's earlier record can be answered
     * @param requestHash the fingerprint the key is claimed with, and compared against by a repeat
     */
    Settlement settle(UserId user, ReservationId reservation, Optional<ConcertId> admittedTo,
                      Optional<IdempotencyKey> key, String requestHash, Instant now);

    sealed interface Settlement permits Paid, KeyTaken, NotPayable, ShortOfPoints {
    }

    /** Paid: the reservation as confirmed, with its seats, and the payment as recorded. */
    record Paid(Reservation reservation, Payment payment) implements Settlement {
        public Paid {
            Objects.requireNonNull(reservation, "reservation");
            Objects.requireNonNull(payment, "payment");
        }
    }

    /** An earlier request claimed the key first and paid: this is its record, and nothing was written. */
    record KeyTaken(IdempotentOutcome earlier) implements Settlement {
        public KeyTaken {
            Objects.requireNonNull(earlier, "earlier");
        }
    }

    /**
     * The reservation is not the caller's live hold of the concert it is admitted to (unknown, another user's,
     * another concert's, no admission, run out, paid or cancelled). Nothing was written.
     */
    record NotPayable() implements Settlement {
    }

    /** The hold could be paid, but the balance does not cover its price. Nothing was written. */
    record ShortOfPoints(long price, long balance) implements Settlement {
    }
}
