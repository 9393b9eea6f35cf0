package com.concert.application.fake;

import com.concert.application.booking.port.out.PaymentSettlement;
import com.concert.application.idempotency.IdempotencyKey;
import com.concert.application.idempotency.IdempotencyStore;
import com.concert.application.idempotency.IdempotentOutcome;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.payment.Payment;
import com.concert.domain.payment.PaymentRepository;
import com.concert.domain.point.Wallet;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.reservation.ReservationStatus;
import com.concert.domain.shared.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * A settlement made of the narrower ports' fakes: every check first, then the writes one after the other, in the
 * caller's transaction (with {@link DirectTransactionRunner} transactions run one at a time, so nothing changes
 * between the checks and the writes, and a throw undoes the writes).
 */
public final class InMemoryPaymentSettlement implements PaymentSettlement {

    private final ReservationRepository reservations;
    private final WalletRepository wallets;
    private final PaymentRepository payments;
    private final IdempotencyStore idempotency;

    public InMemoryPaymentSettlement(ReservationRepository reservations, WalletRepository wallets,
                                     PaymentRepository payments, IdempotencyStore idempotency) {
        this.reservations = reservations;
        this.wallets = wallets;
        this.payments = payments;
        this.idempotency = idempotency;
    }

    @Override
    public Settlement settle(UserId user, ReservationId reservation, Optional<ConcertId> admittedTo,
                             Optional<IdempotencyKey> key, String requestHash, Instant now) {
        Optional<IdempotentOutcome> earlier = key.flatMap(k -> idempotency.find(user, k));
        if (earlier.isPresent()) {
            return new KeyTaken(earlier.get());
        }
        Optional<Reservation> payable = reservations.findById(reservation)
                .filter(held -> held.isOwnedBy(user) && held.statusAt(now) == ReservationStatus.HELD
                        && admittedTo.equals(Optional.of(held.concertId())));
        if (payable.isEmpty()) {
            return new NotPayable();
        }
        long price = payable.get().totalPrice();
        long balance = wallets.find(user).balance();
        if (balance < price) {
            return new ShortOfPoints(price, balance);
        }
        key.ifPresent(k -> idempotency.claim(user, k, requestHash, now));
        Reservation confirmed = reservations.confirm(reservation, user, now)
                .orElseThrow(() -> new IllegalStateException("a payable hold could not be confirmed"));
        Wallet wallet = wallets.use(user, price, reservation, now);
        Payment payment = payments.record(reservation, user, price, wallet.balance(), now);
        key.ifPresent(k -> idempotency.complete(user, k, Long.toString(payment.id().value())));
        return new Paid(confirmed, payment);
    }
}
