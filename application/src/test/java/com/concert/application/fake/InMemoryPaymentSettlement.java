package com.concert.application.fake;

import com.concert.application.booking.port.out.PaymentSettlement;
import com.concert.application.idempotency.IdempotencyKey;
import com.concert.application.idempotency.IdempotencyStore;
import com.concert.application.idempotency.IdempotentOutcome;
import com.concert.domain.payment.Payment;
import com.concert.domain.payment.PaymentRepository;
import com.concert.domain.point.InsufficientPointsException;
import com.concert.domain.point.Wallet;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.shared.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * A settlement made of the narrower ports' fakes, one call after the other, in the caller's transaction (which,
 * with {@link DirectTransactionRunner}, runs alone and is undone by a throw).
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
    public Settlement settle(UserId user, ReservationId reservation, Optional<IdempotencyKey> key, String requestHash,
                             Instant now) {
        if (key.isPresent()) {
            Optional<IdempotentOutcome> earlier = idempotency.claim(user, key.get(), requestHash, now);
            if (earlier.isPresent()) {
                return new KeyTaken(earlier.get());
            }
        }
        Optional<Reservation> confirmed = reservations.confirm(reservation, user, now);
        if (confirmed.isEmpty()) {
            return new NotPayable();
        }
        long price = confirmed.get().totalPrice();
        Wallet wallet;
        try {
            wallet = wallets.use(user, price, reservation, now);
        } catch (InsufficientPointsException e) {
            return new ShortOfPoints(confirmed.get(), wallets.find(user).balance());
        }
        Payment payment = payments.record(reservation, user, price, wallet.balance(), now);
        key.ifPresent(k -> idempotency.complete(user, k, Long.toString(payment.id().value())));
        return new Paid(confirmed.get(), payment);
    }
}
