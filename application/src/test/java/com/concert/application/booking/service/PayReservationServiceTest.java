package com.concert.application.booking.service;

import com.concert.application.booking.port.in.PayReservationCommand;
import com.concert.application.booking.service.BookingFixture.Stage;
import com.concert.application.idempotency.IdempotencyKeyReusedException;
import com.concert.application.shared.DependencyUnavailableException;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.payment.Payment;
import com.concert.domain.point.InsufficientPointsException;
import com.concert.domain.point.PointEntry;
import com.concert.domain.point.PointType;
import com.concert.domain.queue.AdmissionPolicy;
import com.concert.domain.queue.AdmissionResult;
import com.concert.domain.queue.QueueEntry;
import com.concert.domain.queue.QueueStore;
import com.concert.domain.queue.QueueTokenId;
import com.concert.domain.queue.TokenInvalidException;
import com.concert.domain.queue.TokenMissingException;
import com.concert.domain.queue.TokenNotActiveException;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationExpiredException;
import com.concert.domain.reservation.ReservationNotFoundException;
import com.concert.domain.reservation.ReservationNotPayableException;
import com.concert.domain.reservation.ReservationStatus;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.concert.application.booking.service.BookingFixture.ALICE;
import static com.concert.application.booking.service.BookingFixture.BOB;
import static com.concert.application.booking.service.BookingFixture.HOLD_TTL;
import static com.concert.application.booking.service.BookingFixture.NOW;
import static com.concert.application.booking.service.BookingFixture.PRICE;
import static com.concert.application.booking.service.BookingFixture.payCommand;
import static com.concert.domain.seat.SeatStatus.AVAILABLE;
import static com.concert.domain.seat.SeatStatus.HELD;
import static com.concert.domain.seat.SeatStatus.SOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayReservationServiceTest {

    private final BookingFixture f = new BookingFixture();
    private final Stage stage = f.stage(4);

    /** Nothing was paid: the hold stands, its seats are held, the points are where they were. */
    private void assertUnpaid(Reservation held, long balance) {
        assertThat(f.stored(held.id()).status()).isEqualTo(ReservationStatus.HELD);
        assertThat(f.payments.count()).isZero();
        assertThat(f.balance(held.userId())).isEqualTo(balance);
        assertThat(f.sumOfHistory(held.userId())).isEqualTo(balance);
        assertThat(f.history(held.userId())).extracting(PointEntry::type).doesNotContain(PointType.USE);
    }

    @Test
    void pay_usesThePoints_sellsTheSeats_andRecordsThePayment() {
        f.charge(ALICE, 300_000);
        Reservation held = f.hold(ALICE, stage, 1, 2);
        f.clock.advance(HOLD_TTL.minusSeconds(1));

        Payment payment = f.pay(ALICE, held, null);

        Instant paidAt = NOW.plus(HOLD_TTL.minusSeconds(1));
        assertThat(payment.reservationId()).isEqualTo(held.id());
        assertThat(payment.userId()).isEqualTo(ALICE);
        assertThat(payment.amount()).isEqualTo(2 * PRICE);
        assertThat(payment.balanceAfter()).isEqualTo(300_000 - 2 * PRICE);
        assertThat(payment.paidAt()).isEqualTo(paidAt);
        assertThat(f.payments.findById(payment.id())).contains(payment);
        assertThat(f.stored(held.id()).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(f.stored(held.id()).endedAt()).isEqualTo(paidAt);
        assertThat(f.seatsStored(stage)).containsExactly(SOLD, SOLD, AVAILABLE, AVAILABLE);
        assertThat(f.balance(ALICE)).isEqualTo(80_000).isEqualTo(f.sumOfHistory(ALICE));
        assertThat(f.history(ALICE).getFirst()).satisfies(use -> {
            assertThat(use.type()).isEqualTo(PointType.USE);
            assertThat(use.amount()).isEqualTo(2 * PRICE);
            assertThat(use.reservationId()).isEqualTo(held.id());
        });
    }

    @Test
    void pay_endsThePayersQueueToken_soTheNextFanGetsTheSlot() {
        f.charge(ALICE, PRICE);
        Reservation held = f.hold(ALICE, stage, 1);
        String alices = f.activeToken(ALICE, stage.concertId());
        String bobs = f.activeToken(BOB, stage.concertId());

        f.payReservation.pay(payCommand(ALICE, alices, held, null));

        assertThatThrownBy(() -> f.gate.find(QueueTokenId.parse(alices).orElseThrow(), ALICE))
                .isInstanceOf(TokenInvalidException.class);
        assertThat(f.gate.find(QueueTokenId.parse(bobs).orElseThrow(), BOB).token().isActive()).isTrue();
    }

    @Test
    void aPaymentCommitted_standsEvenWhenItsQueueSlotCannotBeFreed() {
        f.charge(ALICE, PRICE);
        Reservation held = f.hold(ALICE, stage, 1);
        PayReservationService payWhileRedisIsDown = f.payingWith(new UnreachableOnComplete(f.queue));

        Payment payment = payWhileRedisIsDown.pay(payCommand(ALICE, f.activeToken(ALICE, stage.concertId()), held, null));

        assertThat(f.payments.findById(payment.id())).contains(payment);
        assertThat(f.stored(held.id()).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(f.balance(ALICE)).isZero();
    }

    @Test
    void aRepeatWithTheSameKey_answersTheFirstPayment_withoutPayingTwice() {
        f.charge(ALICE, 3 * PRICE);
        Reservation held = f.hold(ALICE, stage, 1);
        String token = f.activeToken(ALICE, stage.concertId());

        Payment first = f.payReservation.pay(payCommand(ALICE, token, held, "pay-1"));
        f.clock.advance(HOLD_TTL.multipliedBy(2));
        Payment again = f.payReservation.pay(payCommand(ALICE, token, held, "pay-1"));

        assertThat(again).isEqualTo(first);
        assertThat(f.payments.count()).isEqualTo(1);
        assertThat(f.metrics.paid()).as("the replay is not a sale").containsExactly(first);
        assertThat(f.balance(ALICE)).isEqualTo(2 * PRICE).isEqualTo(f.sumOfHistory(ALICE));
        assertThat(f.history(ALICE)).extracting(PointEntry::type).containsOnlyOnce(PointType.USE);
    }

    @Test
    void theReplayIsAnsweredBeforeTheToken_whichThePaymentEnded_isChecked() {
        f.charge(ALICE, PRICE);
        Reservation held = f.hold(ALICE, stage, 1);
        Payment first = f.pay(ALICE, held, "pay-1");

        assertThat(f.payReservation.pay(payCommand(ALICE, null, held, "pay-1"))).isEqualTo(first);
        assertThat(f.payReservation.pay(payCommand(ALICE, "not-a-token", held, "pay-1"))).isEqualTo(first);
    }

    @Test
    void theSameKeyWithAnotherReservation_isRefused_beforeTheTokenIsChecked_andPaysNothing() {
        f.charge(ALICE, 2 * PRICE);
        Reservation first = f.hold(ALICE, stage, 1);
        Reservation second = f.hold(ALICE, stage, 2);
        f.pay(ALICE, first, "pay-1");
        String token = f.activeToken(ALICE, stage.concertId());

        assertThatThrownBy(() -> f.payReservation.pay(payCommand(ALICE, token, second, "pay-1")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> f.payReservation.pay(payCommand(ALICE, null, second, "pay-1")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(f.stored(second.id()).status()).isEqualTo(ReservationStatus.HELD);
        assertThat(f.balance(ALICE)).isEqualTo(PRICE);
        assertThat(f.payReservation.pay(payCommand(ALICE, token, second, "pay-2")).reservationId()).isEqualTo(second.id());
    }

    @Test
    void keysBelongToTheirUser() {
        f.charge(ALICE, PRICE);
        f.charge(BOB, PRICE);
        Payment alices = f.pay(ALICE, f.hold(ALICE, stage, 1), "pay-1");

        Payment bobs = f.pay(BOB, f.hold(BOB, stage, 2), "pay-1");

        assertThat(bobs.id()).isNotEqualTo(alices.id());
        assertThat(bobs.userId()).isEqualTo(BOB);
        assertThat(f.balance(BOB)).isZero();
    }

    @Test
    void aHundredConcurrentRepeatsWithOneKey_payOnce_andAllAnswerThatPayment() throws Exception {
        f.charge(ALICE, 5 * PRICE);
        Reservation held = f.hold(ALICE, stage, 1);
        String token = f.activeToken(ALICE, stage.concertId());
        int repeats = 100;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Payment>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < repeats; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return f.payReservation.pay(payCommand(ALICE, token, held, "pay-1"));
                }));
            }
            start.countDown();
            Set<Payment> distinct = new HashSet<>();
            for (Future<Payment> answer : answers) {
                distinct.add(answer.get());
            }
            assertThat(distinct).hasSize(1);
        }
        assertThat(f.payments.count()).isEqualTo(1);
        assertThat(f.balance(ALICE)).isEqualTo(4 * PRICE).isEqualTo(f.sumOfHistory(ALICE));
    }

    @Test
    void aHoldThatRanOut_isReservationExpired_takesNoPoints_andLeavesTheKeyUnused() {
        f.charge(ALICE, 2 * PRICE);
        Reservation late = f.hold(ALICE, stage, 1);
        String token = f.activeToken(ALICE, stage.concertId());
        f.clock.advance(HOLD_TTL);

        assertThatThrownBy(() -> f.payReservation.pay(payCommand(ALICE, token, late, "pay-1")))
                .isInstanceOf(ReservationExpiredException.class);

        assertThat(f.getReservation.get(ALICE, late.id()).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(f.payments.count()).isZero();
        assertThat(f.balance(ALICE)).isEqualTo(2 * PRICE).isEqualTo(f.sumOfHistory(ALICE));
        assertThat(f.seatsNow(stage).getFirst()).isEqualTo(AVAILABLE);
        Reservation fresh = f.holdSeats.hold(f.holdCommand(ALICE, token, stage, 2));
        assertThat(f.payReservation.pay(payCommand(ALICE, token, fresh, "pay-1")).reservationId())
                .as("the failed payment did not spend the key, nor end the token").isEqualTo(fresh.id());
    }

    @Test
    void tooFewPoints_isInsufficientPoints_andChangesNothing() {
        f.charge(ALICE, PRICE - 1);
        Reservation held = f.hold(ALICE, stage, 1);
        String token = f.activeToken(ALICE, stage.concertId());

        assertThatThrownBy(() -> f.payReservation.pay(payCommand(ALICE, token, held, "pay-1")))
                .isInstanceOf(InsufficientPointsException.class);

        assertUnpaid(held, PRICE - 1);
        assertThat(f.seatsStored(stage).getFirst()).as("the seat is not sold").isEqualTo(HELD);
        assertThat(f.metrics.paid()).as("no payment reported").isEmpty();
        assertThat(f.gate.find(QueueTokenId.parse(token).orElseThrow(), ALICE).token().isActive()).isTrue();

        f.charge(ALICE, 1);
        Payment payment = f.payReservation.pay(payCommand(ALICE, token, held, "pay-1"));
        assertThat(payment.balanceAfter()).as("the retry with the same key pays").isZero();
    }

    @Test
    void someoneElsesReservation_isNotFound_evenWithTheirOwnGoodToken() {
        f.charge(BOB, PRICE);
        Reservation alices = f.hold(ALICE, stage, 1);
        String bobs = f.activeToken(BOB, stage.concertId());

        assertThatThrownBy(() -> f.payReservation.pay(payCommand(BOB, bobs, alices, null)))
                .isInstanceOf(ReservationNotFoundException.class);
        assertThatThrownBy(() -> f.payReservation.pay(payCommand(BOB, bobs, alices, "pay-1")))
                .isInstanceOf(ReservationNotFoundException.class);
        assertThat(f.stored(alices.id()).status()).isEqualTo(ReservationStatus.HELD);
        assertThat(f.balance(BOB)).isEqualTo(PRICE);
    }

    @Test
    void anUnknownReservation_isNotFound() {
        String token = f.activeToken(ALICE, stage.concertId());

        assertThatThrownBy(() -> f.payReservation.pay(new PayReservationCommand(
                ALICE, token, 999L, Optional.empty()))).isInstanceOf(ReservationNotFoundException.class);
    }

    @Test
    void theTokenMustBePresent_wellFormed_forTheReservationsConcert_andAdmitted() {
        f.charge(ALICE, PRICE);
        Reservation held = f.hold(ALICE, stage, 1);
        Stage other = f.stage(1);
        String forOther = f.activeToken(ALICE, other.concertId());

        assertThatThrownBy(() -> f.payReservation.pay(payCommand(ALICE, null, held, "pay-1")))
                .isInstanceOf(TokenMissingException.class);
        assertThatThrownBy(() -> f.payReservation.pay(payCommand(ALICE, "not-a-token", held, "pay-1")))
                .isInstanceOf(TokenInvalidException.class);
        assertThatThrownBy(() -> f.payReservation.pay(payCommand(ALICE, forOther, held, "pay-1")))
                .isInstanceOf(TokenInvalidException.class);

        String token = f.activeToken(ALICE, stage.concertId());
        f.queue.leave(QueueTokenId.parse(token).orElseThrow(), ALICE);
        String waiting = f.waitingToken(ALICE, stage.concertId());
        assertThatThrownBy(() -> f.payReservation.pay(payCommand(ALICE, waiting, held, "pay-1")))
                .isInstanceOf(TokenNotActiveException.class);

        assertUnpaid(held, PRICE);
    }

    @Test
    void payingTwiceWithoutAKey_findsTheTokenEnded_andWithANewTokenIsNotPayable() {
        f.charge(ALICE, 2 * PRICE);
        Reservation held = f.hold(ALICE, stage, 1);
        String token = f.activeToken(ALICE, stage.concertId());
        f.payReservation.pay(payCommand(ALICE, token, held, null));

        assertThatThrownBy(() -> f.payReservation.pay(payCommand(ALICE, token, held, null)))
                .as("the sale ended the token").isInstanceOf(TokenInvalidException.class);
        assertThatThrownBy(() -> f.pay(ALICE, held, null)).isInstanceOf(ReservationNotPayableException.class);
        assertThat(f.payments.count()).isEqualTo(1);
        assertThat(f.balance(ALICE)).isEqualTo(PRICE).isEqualTo(f.sumOfHistory(ALICE));
    }

    @Test
    void aCancelledReservation_isNotPayable() {
        f.charge(ALICE, PRICE);
        Reservation held = f.hold(ALICE, stage, 1);
        f.cancelReservation.cancel(ALICE, held.id());

        assertThatThrownBy(() -> f.pay(ALICE, held, "pay-1")).isInstanceOf(ReservationNotPayableException.class);
        assertThat(f.balance(ALICE)).isEqualTo(PRICE);
        assertThat(f.payments.count()).isZero();
    }

    /** The queue as a Redis that went away after the payment's transaction began: ending a token fails. */
    private static final class UnreachableOnComplete implements QueueStore {

        private final QueueStore queue;

        UnreachableOnComplete(QueueStore queue) {
            this.queue = queue;
        }

        @Override
        public QueueEntry enter(ConcertId concert, UserId user, QueueTokenId candidate, Instant now) {
            return queue.enter(concert, user, candidate, now);
        }

        @Override
        public Optional<QueueEntry> find(QueueTokenId token, UserId user, Instant now) {
            return queue.find(token, user, now);
        }

        @Override
        public boolean leave(QueueTokenId token, UserId user) {
            return queue.leave(token, user);
        }

        @Override
        public void complete(ConcertId concert, UserId user) {
            throw new DependencyUnavailableException("Redis", null);
        }

        @Override
        public AdmissionResult admit(ConcertId concert, AdmissionPolicy policy, Instant now) {
            return queue.admit(concert, policy, now);
        }

        @Override
        public Set<ConcertId> concertsInLine() {
            return queue.concertsInLine();
        }
    }
}
