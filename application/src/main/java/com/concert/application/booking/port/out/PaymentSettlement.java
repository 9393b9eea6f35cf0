package com.concert.application.booking.port.out;

import com.concert.application.idempotency.IdempotencyKey;
import com.concert.application.idempotency.IdempotentOutcome;
import com.concert.domain.payment.Payment;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Every write of a payment as one step inside the caller's transaction: the idempotency key claimed (when there
 * is one), the caller's live hold confirmed and its seats sold, its price taken from the wallet with the history
 * row that says so, and the payment recorded under the key. It keeps the promises of the ports it stands for
 * ({@link com.concert.domain.reservation.ReservationRepository#confirm},
 * {@link com.concert.domain.point.WalletRepository#use}, {@link com.concert.domain.payment.PaymentRepository#record}
 * and {@link com.concert.application.idempotency.IdempotencyStore#claim}), against any number of concurrent
 * callers:
 *
 * <ul>
 *     <li>a reservation is confirmed and paid at most once, and only while it is the caller's, HELD and not run
 *     out at {@code now};</li>
 *     <li>points are used only while the balance covers the price, and every use has its history row;</li>
 *     <li>of several callers with one user's key, exactly one claims it; each of the others waits until that
 *     one's transaction ends, then answers its record (committed) or claims the key itself (rolled back).</li>
 * </ul>
 *
 * <p>Only {@link Paid} may be committed. After {@link NotPayable} or {@link ShortOfPoints} the caller must roll
 * its transaction back: the key's claim, and for a short wallet the confirmation, may already be written.
 * {@link KeyTaken} wrote nothing.
 */
public interface PaymentSettlement {

    /**
     * @param requestHash the fingerprint the key is claimed with, and compared against by a repeat
     */
    Settlement settle(UserId user, ReservationId reservation, Optional<IdempotencyKey> key, String requestHash,
                      Instant now);

    sealed interface Settlement permits Paid, KeyTaken, NotPayable, ShortOfPoints {
    }

    /** Paid: the reservation as confirmed, with its seats, and the payment as recorded. */
    record Paid(Reservation reservation, Payment payment) implements Settlement {
        public Paid {
            Objects.requireNonNull(reservation, "reservation");
            Objects.requireNonNull(payment, "payment");
        }
    }

    /** An earlier request claimed the key first and committed: this is its record, and nothing was written. */
    record KeyTaken(IdempotentOutcome earlier) implements Settlement {
        public KeyTaken {
            Objects.requireNonNull(earlier, "earlier");
        }
    }

    /** The reservation is not the caller's live hold (unknown, another user's, run out, paid or cancelled). */
    record NotPayable() implements Settlement {
    }

    /** The hold could be confirmed, but the balance does not cover its price: nothing may be committed. */
    record ShortOfPoints(Reservation reservation, long balance) implements Settlement {
        public ShortOfPoints {
            Objects.requireNonNull(reservation, "reservation");
        }
    }
}
