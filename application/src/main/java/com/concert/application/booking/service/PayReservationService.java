package com.concert.application.booking.service;

import com.concert.application.booking.port.in.PayReservationCommand;
import com.concert.application.booking.port.in.PayReservationUseCase;
import com.concert.application.booking.port.out.BookingMetrics;
import com.concert.application.booking.port.out.PaymentSettlement;
import com.concert.application.booking.port.out.PaymentSettlement.KeyTaken;
import com.concert.application.booking.port.out.PaymentSettlement.NotPayable;
import com.concert.application.booking.port.out.PaymentSettlement.Paid;
import com.concert.application.booking.port.out.PaymentSettlement.ShortOfPoints;
import com.concert.application.idempotency.IdempotencyKey;
import com.concert.application.idempotency.IdempotencyStore;
import com.concert.application.idempotency.IdempotentOutcome;
import com.concert.application.queue.service.QueueGate;
import com.concert.application.queue.service.QueueGate.TokenCheck;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.payment.Payment;
import com.concert.domain.payment.PaymentId;
import com.concert.domain.payment.PaymentRepository;
import com.concert.domain.point.InsufficientPointsException;
import com.concert.domain.queue.QueueStore;
import com.concert.domain.queue.QueueTokenId;
import com.concert.domain.queue.TokenInvalidException;
import com.concert.domain.queue.TokenMissingException;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationNotFoundException;
import com.concert.domain.reservation.ReservationNotPayableException;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.shared.UserId;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Pays a held reservation with points. The caller's queue token is looked up first (Redis, one script), so that
 * no row is locked while the queue answers; then {@link PaymentSettlement} decides and writes everything as one
 * call that commits by itself (in PostgreSQL one function: the key's claim, the confirmation, the points, the
 * payment), given the concert the token is active for; after it, the token is ended. Only a paid settlement writes
 * anything, so a refusal needs no rollback. A repeat of a completed payment is answered by its key whatever the
 * token says, since paying ended it; a refusal is explained in the order the checks have always been made.
 */
public final class PayReservationService implements PayReservationUseCase {

    private static final System.Logger LOG = System.getLogger(PayReservationService.class.getName());

    private final QueueGate gate;
    private final QueueStore queue;
    private final ReservationRepository reservations;
    private final PaymentSettlement settlement;
    private final PaymentRepository payments;
    private final IdempotencyStore idempotency;
    private final TransactionRunner transactions;
    private final BookingMetrics metrics;
    private final Clock clock;

    public PayReservationService(QueueGate gate, QueueStore queue, ReservationRepository reservations,
                                 PaymentSettlement settlement, PaymentRepository payments, IdempotencyStore idempotency,
                                 TransactionRunner transactions, BookingMetrics metrics, Clock clock) {
        this.gate = gate;
        this.queue = queue;
        this.reservations = reservations;
        this.settlement = settlement;
        this.payments = payments;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Payment pay(PayReservationCommand command) {
        UserId user = command.userId();
        ReservationId id = command.reservation();
        Optional<IdempotencyKey> key = command.idempotencyKey();
        String request = "payment:" + id;
        Instant now = clock.instant();
        QueueTokenId token;
        try {
            token = QueueGate.parse(command.token());
        } catch (TokenMissingException | TokenInvalidException malformed) {
            return replay(transactions.inTransaction(() -> answerWithoutToken(user, key, request, now, malformed)));
        }
        TokenCheck admission = gate.check(token, user);
        return switch (transactions.singleCall(() -> settlement.settle(user, id, admission.admittedTo(), key, request,
                now))) {
            case KeyTaken taken -> replay(taken.earlier().resultFor(request));
            case NotPayable notPayable -> throw whyNotPayable(user, admission, id, now);
            case ShortOfPoints short_ -> throw new InsufficientPointsException(short_.price(), short_.balance());
            case Paid paid -> {
                metrics.paid(paid.payment());
                freeQueueSlot(token, user);
                yield paid.payment();
            }
        };
    }

    /**
     * A token missing or not even shaped like one still lets a repeat of a completed payment be answered (the
     * payment ended the token, and a client may have dropped it); otherwise it is the answer. The claim waits
     * for a first request still running with the key, as a payment's would, and is rolled back with the refusal.
     */
    private String answerWithoutToken(UserId user, Optional<IdempotencyKey> key, String request, Instant now,
                                      RuntimeException malformed) {
        Optional<IdempotentOutcome> earlier = key.flatMap(k -> idempotency.claim(user, k, request, now));
        if (earlier.isPresent()) {
            return earlier.get().resultFor(request);
        }
        throw malformed;
    }

    /**
     * Why a settlement changed nothing, in the order the checks have always been made: not the caller's, the
     * token, then whether the hold can still be paid. Read only on this path: a payment that succeeds reads nothing.
     */
    private RuntimeException whyNotPayable(UserId user, TokenCheck admission, ReservationId id, Instant now) {
        Reservation reservation = transactions.readOnly(() -> reservations.findById(id)).filter(r -> r.isOwnedBy(user))
                .orElseThrow(() -> new ReservationNotFoundException(id));
        admission.requireActiveFor(reservation.concertId());
        reservation.requirePayableAt(now);
        return new ReservationNotPayableException(id, reservation.status());
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
