package com.concert.application.booking.service;

import com.concert.application.booking.port.in.PayReservationCommand;
import com.concert.application.booking.port.in.PayReservationUseCase;
import com.concert.application.booking.port.out.BookingMetrics;
import com.concert.application.idempotency.Idempotency;
import com.concert.application.idempotency.IdempotencyStore;
import com.concert.application.queue.service.QueueGate;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.payment.Payment;
import com.concert.domain.payment.PaymentId;
import com.concert.domain.payment.PaymentRepository;
import com.concert.domain.point.Wallet;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.queue.QueueStore;
import com.concert.domain.queue.QueueTokenId;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationNotFoundException;
import com.concert.domain.reservation.ReservationNotPayableException;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.shared.UserId;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class PayReservationService implements PayReservationUseCase {

    private static final System.Logger LOG = System.getLogger(PayReservationService.class.getName());

    private final QueueGate gate;
    private final QueueStore queue;
    private final ReservationRepository reservations;
    private final WalletRepository wallets;
    private final PaymentRepository payments;
    private final Idempotency idempotency;
    private final TransactionRunner transactions;
    private final BookingMetrics metrics;
    private final Clock clock;

    public PayReservationService(QueueGate gate, QueueStore queue, ReservationRepository reservations,
                                 WalletRepository wallets, PaymentRepository payments, IdempotencyStore idempotency,
                                 TransactionRunner transactions, BookingMetrics metrics, Clock clock) {
        this.gate = gate;
        this.queue = queue;
        this.reservations = reservations;
        this.wallets = wallets;
        this.payments = payments;
        this.idempotency = new Idempotency(idempotency);
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Payment pay(PayReservationCommand command) {
        UserId user = command.userId();
        ReservationId id = command.reservation();
        String request = "payment:" + id;
        Instant now = clock.instant();
        // the key is claimed before the token is even read: a repeat of a completed payment answers it although
        // paying ended the token, and a repeat racing the first payment waits for it and answers its result,
        // instead of finding the token the first payment has just ended
        QueueTokenId[] checked = new QueueTokenId[1];
        Idempotency.Outcome<Payment> outcome = transactions.inTransaction(() -> idempotency.runInTransaction(
                user, command.idempotencyKey(), request, now,
                () -> {
                    checked[0] = QueueGate.parse(command.token());
                    return payInTransaction(user, checked[0], id, now);
                },
                payment -> Long.toString(payment.id().value())));
        return switch (outcome) {
            case Idempotency.Done<Payment> done -> {
                metrics.paid(done.value());
                freeQueueSlot(checked[0], user);
                yield done.value();
            }
            case Idempotency.Replay<Payment> replay -> replay(replay.result());
        };
    }

    /**
     * Confirm, check the caller's token, use the points, record the payment: all or nothing. The confirmation
     * goes first because it decides in one statement what would otherwise take a read and two writes; when it
     * changes nothing, the reservation is read to say why, in the order the checks have always been made (not
     * the caller's, the token, then whether it can still be paid).
     */
    private Payment payInTransaction(UserId user, QueueTokenId token, ReservationId id, Instant now) {
        Optional<Reservation> confirmed = reservations.confirm(id, user, now);
        if (confirmed.isEmpty()) {
            Reservation reservation = owned(user, id);
            gate.requireActive(token, user, reservation.concertId());
            reservation.requirePayableAt(now);
            throw new ReservationNotPayableException(id, reservation.status());
        }
        Reservation reservation = confirmed.get();
        // a token that does not let the caller pay rolls the confirmation back with the rest
        gate.requireActive(token, user, reservation.concertId());
        Wallet wallet = wallets.use(user, reservation.totalPrice(), id, now);
        return payments.record(id, user, reservation.totalPrice(), wallet.balance(), now);
    }

    private Reservation owned(UserId user, ReservationId id) {
        return reservations.findById(id).filter(r -> r.isOwnedBy(user))
                .orElseThrow(() -> new ReservationNotFoundException(id));
    }

    private Payment replay(String paymentId) {
        PaymentId id = new PaymentId(Long.parseLong(paymentId));
        return transactions.readOnly(() -> payments.findById(id))
                .orElseThrow(() -> new IllegalStateException("idempotency record names missing payment " + id));
    }

    /**
     * The sale is committed; ending the token only gives its slot to the next fan sooner. If Redis cannot be
     * reached now, the token runs out by itself at its deadline.
     */
    private void freeQueueSlot(QueueTokenId token, UserId user) {
        try {
            queue.complete(token.concertId(), user);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "A payment of user {0} committed, but its queue slot was not freed: {1}",
                    user, e.getMessage());
        }
    }
}
