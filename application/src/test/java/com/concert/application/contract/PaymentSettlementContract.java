package com.concert.application.contract;

import com.concert.application.booking.port.out.PaymentSettlement;
import com.concert.application.booking.port.out.PaymentSettlement.KeyTaken;
import com.concert.application.booking.port.out.PaymentSettlement.NotPayable;
import com.concert.application.booking.port.out.PaymentSettlement.Paid;
import com.concert.application.booking.port.out.PaymentSettlement.Settlement;
import com.concert.application.booking.port.out.PaymentSettlement.ShortOfPoints;
import com.concert.application.contract.ReservationRepositoryContract.Stage;
import com.concert.application.idempotency.IdempotencyKey;
import com.concert.application.idempotency.IdempotencyStore;
import com.concert.application.idempotency.IdempotentOutcome;
import com.concert.application.points.port.out.PointHistory;
import com.concert.application.shared.PageRequest;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.payment.Payment;
import com.concert.domain.payment.PaymentRepository;
import com.concert.domain.point.PointEntry;
import com.concert.domain.point.PointType;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.reservation.HoldRequest;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.reservation.ReservationStatus;
import com.concert.domain.seat.SeatId;
import com.concert.domain.seat.SeatRepository;
import com.concert.domain.seat.SeatStatus;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link PaymentSettlement} promises (see its Javadoc), concurrency included. The settlement is
 * called as the payment service calls it: as a single call, with no transaction around it to undo a refusal, so
 * a refusal must leave nothing behind by itself. Each test uses users of its own.
 */
public abstract class PaymentSettlementContract {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration HOLD_TTL = Duration.ofMinutes(5);
    private static final long PRICE = 1_000;
    private static final String REQUEST = "payment:contract";
    private static final IdempotencyKey KEY = new IdempotencyKey("settle-1");
    private static final AtomicLong USERS = new AtomicLong(5_000_000L + System.nanoTime() % 1_000_000);

    protected abstract PaymentSettlement settlement();

    /** The transactions it works in; work that throws must roll back. */
    protected abstract TransactionRunner transactions();

    protected abstract ReservationRepository reservations();

    /** Exact reads of the seats the reservations hold. */
    protected abstract SeatRepository seats();

    protected abstract WalletRepository wallets();

    protected abstract PointHistory pointHistory();

    protected abstract PaymentRepository payments();

    protected abstract IdempotencyStore idempotency();

    /** A performance of {@code seats} seats at {@code price} each, open for booking at {@link #NOW}. */
    protected abstract Stage stage(int seats, long price);

    private static UserId newUser() {
        return new UserId(USERS.incrementAndGet());
    }

    private Reservation hold(Stage stage, UserId user, SeatId... seats) {
        return transactions().inTransaction(() -> reservations().hold(
                new HoldRequest(user, stage.concertId(), stage.scheduleId(), List.of(seats)), NOW, HOLD_TTL, 4));
    }

    private void charge(UserId user, long points) {
        transactions().inTransaction(() -> wallets().charge(user, points, 10_000_000, NOW));
    }

    /** As the payment service does: one call, admitted to the stage's concert. */
    private Settlement settle(Stage stage, UserId user, ReservationId reservation, Optional<IdempotencyKey> key,
                              Instant at) {
        return settle(Optional.of(stage.concertId()), user, reservation, key, at);
    }

    private Settlement settle(Optional<ConcertId> admittedTo, UserId user, ReservationId reservation,
                              Optional<IdempotencyKey> key, Instant at) {
        return transactions().singleCall(() -> settlement().settle(user, reservation, admittedTo, key, REQUEST, at));
    }

    private ReservationStatus status(ReservationId id) {
        return transactions().readOnly(() -> reservations().findById(id)).orElseThrow().status();
    }

    private List<SeatStatus> seatStatuses(Stage stage) {
        return transactions().readOnly(() -> seats().findBySchedule(stage.scheduleId())).stream()
                .map(seat -> seat.status()).toList();
    }

    private long balance(UserId user) {
        return transactions().readOnly(() -> wallets().find(user)).balance();
    }

    private List<PointEntry> history(UserId user) {
        List<PointEntry> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageRequest request = new PageRequest(page, PageRequest.MAX_SIZE);
            List<PointEntry> items = transactions().readOnly(() -> pointHistory().history(user, request)).items();
            entries.addAll(items);
            if (items.size() < PageRequest.MAX_SIZE) {
                return entries;
            }
        }
    }

    private long sumOfHistory(UserId user) {
        return history(user).stream()
                .mapToLong(entry -> entry.type() == PointType.USE ? -entry.amount() : entry.amount()).sum();
    }

    @Test
    void aLiveHold_isConfirmed_itsSeatsSold_itsPointsUsed_andItsPaymentRecorded() {
        Stage stage = stage(3, PRICE);
        UserId user = newUser();
        charge(user, 5 * PRICE);
        Reservation held = hold(stage, user, stage.seats().get(0), stage.seats().get(1));
        Instant paidAt = NOW.plusSeconds(30);

        Paid paid = (Paid) settle(stage, user, held.id(), Optional.empty(), paidAt);

        assertThat(paid.reservation().id()).isEqualTo(held.id());
        assertThat(paid.reservation().status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(paid.reservation().endedAt()).isEqualTo(paidAt);
        assertThat(paid.reservation().seats()).isEqualTo(held.seats());
        Payment payment = paid.payment();
        assertThat(payment.reservationId()).isEqualTo(held.id());
        assertThat(payment.userId()).isEqualTo(user);
        assertThat(payment.amount()).isEqualTo(2 * PRICE);
        assertThat(payment.balanceAfter()).isEqualTo(3 * PRICE);
        assertThat(payment.paidAt()).isEqualTo(paidAt);
        assertThat(transactions().readOnly(() -> payments().findById(payment.id()))).contains(payment);
        assertThat(status(held.id())).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(seatStatuses(stage)).containsExactly(SeatStatus.SOLD, SeatStatus.SOLD, SeatStatus.AVAILABLE);
        assertThat(balance(user)).isEqualTo(3 * PRICE).isEqualTo(sumOfHistory(user));
        assertThat(history(user).getFirst()).satisfies(use -> {
            assertThat(use.type()).isEqualTo(PointType.USE);
            assertThat(use.amount()).isEqualTo(2 * PRICE);
            assertThat(use.balanceAfter()).isEqualTo(3 * PRICE);
            assertThat(use.reservationId()).isEqualTo(held.id());
        });
    }

    @Test
    void aKeyedPayment_leavesItsPaymentAsTheKeysResult_andARepeatIsToldSo_withoutPayingAgain() {
        Stage stage = stage(2, PRICE);
        UserId user = newUser();
        charge(user, 2 * PRICE);
        Reservation first = hold(stage, user, stage.seats().get(0));
        Reservation second = hold(stage, user, stage.seats().get(1));

        Paid paid = (Paid) settle(stage, user, first.id(), Optional.of(KEY), NOW);
        Settlement repeat = settle(stage, user, first.id(), Optional.of(KEY), NOW);
        Settlement other = settle(stage, user, second.id(), Optional.of(KEY), NOW);

        IdempotentOutcome recorded = new IdempotentOutcome(REQUEST, Long.toString(paid.payment().id().value()));
        assertThat(transactions().readOnly(() -> idempotency().find(user, KEY))).contains(recorded);
        assertThat(repeat).isEqualTo(new KeyTaken(recorded));
        assertThat(other).as("the key decides, whatever reservation it comes with").isEqualTo(new KeyTaken(recorded));
        assertThat(status(second.id())).isEqualTo(ReservationStatus.HELD);
        assertThat(balance(user)).isEqualTo(PRICE).isEqualTo(sumOfHistory(user));
    }

    @Test
    void keysBelongToTheirUser() {
        Stage stage = stage(2, PRICE);
        UserId alice = newUser();
        UserId bob = newUser();
        charge(alice, PRICE);
        charge(bob, PRICE);

        Paid alices = (Paid) settle(stage, alice, hold(stage, alice, stage.seats().get(0)).id(), Optional.of(KEY), NOW);
        Paid bobs = (Paid) settle(stage, bob, hold(stage, bob, stage.seats().get(1)).id(), Optional.of(KEY), NOW);

        assertThat(bobs.payment().id()).isNotEqualTo(alices.payment().id());
        assertThat(balance(alice)).isZero();
        assertThat(balance(bob)).isZero();
    }

    @Test
    void anotherUsersHold_aRunOutHold_aPaidOne_andAnUnknownOne_areNotPayable_andChangeNothing() {
        Stage stage = stage(3, PRICE);
        UserId owner = newUser();
        UserId stranger = newUser();
        charge(owner, 5 * PRICE);
        charge(stranger, 5 * PRICE);
        Reservation held = hold(stage, owner, stage.seats().get(0));
        Reservation paid = hold(stage, owner, stage.seats().get(1));
        settle(stage, owner, paid.id(), Optional.empty(), NOW);

        assertThat(settle(stage, stranger, held.id(), Optional.of(KEY), NOW)).isEqualTo(new NotPayable());
        assertThat(settle(stage, owner, held.id(), Optional.of(KEY), NOW.plus(HOLD_TTL))).isEqualTo(new NotPayable());
        assertThat(settle(stage, owner, paid.id(), Optional.of(KEY), NOW)).isEqualTo(new NotPayable());
        assertThat(settle(stage, owner, new ReservationId(Long.MAX_VALUE), Optional.empty(), NOW)).isEqualTo(new NotPayable());

        assertThat(status(held.id())).isEqualTo(ReservationStatus.HELD);
        assertThat(balance(stranger)).isEqualTo(5 * PRICE);
        assertThat(balance(owner)).isEqualTo(4 * PRICE).isEqualTo(sumOfHistory(owner));
        assertThat(transactions().readOnly(() -> idempotency().find(owner, KEY))).as("a refusal claims no key").isEmpty();
        assertThat(transactions().readOnly(() -> idempotency().find(stranger, KEY))).isEmpty();
    }

    @Test
    void aWalletShortOfThePrice_saysItsBalance_andLeavesTheHoldAndTheKeyAsTheyWere() {
        Stage stage = stage(2, PRICE);
        UserId user = newUser();
        charge(user, PRICE);
        Reservation held = hold(stage, user, stage.seats().get(0), stage.seats().get(1));

        ShortOfPoints shortOfPoints = (ShortOfPoints) settle(stage, user, held.id(), Optional.of(KEY), NOW);

        assertThat(shortOfPoints.balance()).isEqualTo(PRICE);
        assertThat(shortOfPoints.price()).isEqualTo(2 * PRICE);
        assertThat(status(held.id())).isEqualTo(ReservationStatus.HELD);
        assertThat(seatStatuses(stage)).containsExactly(SeatStatus.HELD, SeatStatus.HELD);
        assertThat(balance(user)).isEqualTo(PRICE).isEqualTo(sumOfHistory(user));
        assertThat(transactions().readOnly(() -> idempotency().find(user, KEY))).isEmpty();

        charge(user, PRICE);
        assertThat(settle(stage, user, held.id(), Optional.of(KEY), NOW)).isInstanceOf(Paid.class);
    }

    @Test
    void anEmptyWallet_isShortOfPoints_withABalanceOfZero() {
        Stage stage = stage(1, PRICE);
        UserId user = newUser();
        Reservation held = hold(stage, user, stage.seats().getFirst());

        assertThat(settle(stage, user, held.id(), Optional.empty(), NOW))
                .isInstanceOfSatisfying(ShortOfPoints.class, s -> assertThat(s.balance()).isZero());
        assertThat(status(held.id())).isEqualTo(ReservationStatus.HELD);
    }

    @Test
    void twoHundredConcurrentSettlementsOfOneHold_payItOnce() throws Exception {
        Stage stage = stage(1, PRICE);
        UserId user = newUser();
        charge(user, 10 * PRICE);
        Reservation held = hold(stage, user, stage.seats().getFirst());

        List<Settlement> outcomes = concurrently(200, attempt -> settle(stage, user, held.id(),
                attempt % 2 == 0 ? Optional.empty() : Optional.of(new IdempotencyKey("settle-" + attempt)), NOW));

        assertThat(outcomes).filteredOn(Paid.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !(outcome instanceof Paid)).allMatch(NotPayable.class::isInstance);
        assertThat(balance(user)).isEqualTo(9 * PRICE).isEqualTo(sumOfHistory(user));
        assertThat(history(user)).extracting(PointEntry::type).containsOnlyOnce(PointType.USE);
    }

    @Test
    void twoHundredConcurrentSettlementsWithOneKey_payOnce_andTheOthersAreToldOfThatPayment() throws Exception {
        Stage stage = stage(1, PRICE);
        UserId user = newUser();
        charge(user, PRICE);
        Reservation held = hold(stage, user, stage.seats().getFirst());

        List<Settlement> outcomes = concurrently(200, attempt -> settle(stage, user, held.id(), Optional.of(KEY), NOW));

        List<Paid> paid = outcomes.stream().filter(Paid.class::isInstance).map(Paid.class::cast).toList();
        assertThat(paid).hasSize(1);
        KeyTaken told = new KeyTaken(new IdempotentOutcome(REQUEST, Long.toString(paid.getFirst().payment().id().value())));
        assertThat(outcomes).filteredOn(outcome -> !(outcome instanceof Paid)).hasSize(199).allMatch(told::equals);
        assertThat(balance(user)).isZero();
        assertThat(sumOfHistory(user)).isZero();
    }

    @Test
    void aHoldOfAnotherConcertThanTheCallersAdmission_orWithNoAdmission_isNotPayable_andChangesNothing() {
        Stage stage = stage(1, PRICE);
        Stage elsewhere = stage(1, PRICE);
        UserId user = newUser();
        charge(user, 5 * PRICE);
        Reservation held = hold(stage, user, stage.seats().getFirst());

        assertThat(settle(Optional.of(elsewhere.concertId()), user, held.id(), Optional.of(KEY), NOW))
                .isEqualTo(new NotPayable());
        assertThat(settle(Optional.empty(), user, held.id(), Optional.of(KEY), NOW)).isEqualTo(new NotPayable());

        assertThat(status(held.id())).isEqualTo(ReservationStatus.HELD);
        assertThat(seatStatuses(stage)).containsExactly(SeatStatus.HELD);
        assertThat(balance(user)).isEqualTo(5 * PRICE).isEqualTo(sumOfHistory(user));
        assertThat(transactions().readOnly(() -> idempotency().find(user, KEY))).as("a refusal claims no key").isEmpty();
        assertThat(settle(stage, user, held.id(), Optional.of(KEY), NOW)).isInstanceOf(Paid.class);
    }

    @Test
    void aRepeatOfACompletedPayment_isAnsweredByItsKey_withNoAdmission() {
        Stage stage = stage(1, PRICE);
        UserId user = newUser();
        charge(user, PRICE);
        Reservation held = hold(stage, user, stage.seats().getFirst());
        Paid paid = (Paid) settle(stage, user, held.id(), Optional.of(KEY), NOW);

        // paying ended the caller's token: its repeat comes with no admission
        assertThat(settle(Optional.empty(), user, held.id(), Optional.of(KEY), NOW.plusSeconds(1)))
                .isEqualTo(new KeyTaken(new IdempotentOutcome(REQUEST, Long.toString(paid.payment().id().value()))));
        assertThat(balance(user)).isZero().isEqualTo(sumOfHistory(user));
    }

    @Test
    void twoHundredConcurrentSettlementsOfOneUsersFourHolds_neverTakeMoreThanTheWalletHolds() throws Exception {
        Stage stage = stage(4, PRICE);
        UserId user = newUser();
        charge(user, 2 * PRICE);
        List<Reservation> holds = stage.seats().stream().map(seat -> hold(stage, user, seat)).toList();

        List<Settlement> outcomes = concurrently(200, attempt -> settle(stage, user, holds.get(attempt % 4).id(),
                attempt % 3 == 0 ? Optional.of(new IdempotencyKey("four-" + attempt)) : Optional.empty(), NOW));

        List<Paid> paid = outcomes.stream().filter(Paid.class::isInstance).map(Paid.class::cast).toList();
        assertThat(paid).as("the wallet covers two of the four").hasSize(2);
        assertThat(paid).extracting(p -> p.reservation().id()).doesNotHaveDuplicates();
        assertThat(outcomes).filteredOn(outcome -> !(outcome instanceof Paid))
                .allMatch(outcome -> outcome instanceof NotPayable || outcome.equals(new ShortOfPoints(PRICE, 0)));
        assertThat(balance(user)).isZero().isEqualTo(sumOfHistory(user));
        assertThat(history(user)).extracting(PointEntry::type).filteredOn(PointType.USE::equals).hasSize(2);
        assertThat(holds).extracting(held -> status(held.id())).containsOnly(ReservationStatus.CONFIRMED,
                ReservationStatus.HELD).filteredOn(ReservationStatus.CONFIRMED::equals).hasSize(2);
        assertThat(seatStatuses(stage)).filteredOn(SeatStatus.SOLD::equals).hasSize(2);
        assertThat(seatStatuses(stage)).filteredOn(SeatStatus.HELD::equals).hasSize(2);
    }

    @Test
    void twoHundredConcurrentSettlementsWithOneKey_whileShortOfPoints_leaveNoClaimBehind() throws Exception {
        Stage stage = stage(1, PRICE);
        UserId user = newUser();
        charge(user, PRICE / 2);
        Reservation held = hold(stage, user, stage.seats().getFirst());

        List<Settlement> outcomes = concurrently(200, attempt -> settle(stage, user, held.id(), Optional.of(KEY), NOW));

        assertThat(outcomes).containsOnly(new ShortOfPoints(PRICE, PRICE / 2));
        assertThat(transactions().readOnly(() -> idempotency().find(user, KEY))).isEmpty();
        assertThat(status(held.id())).isEqualTo(ReservationStatus.HELD);
        charge(user, PRICE / 2);
        assertThat(settle(stage, user, held.id(), Optional.of(KEY), NOW)).isInstanceOf(Paid.class);
    }

    @Test
    void paymentsChargesAndCancelsOfOneUser_racingEachOther_endEveryHoldOnce_andKeepTheBalanceEqualToItsHistory()
            throws Exception {
        Stage stage = stage(4, PRICE);
        UserId user = newUser();
        charge(user, PRICE);
        List<Reservation> holds = stage.seats().stream().map(seat -> hold(stage, user, seat)).toList();

        // a payment locks its hold, the wallet and the hold's seats; a charge only the wallet; a cancel the hold and
        // its seats: whatever the interleaving, none of them may wait on another in a circle
        List<Object> outcomes = concurrently(300, attempt -> {
            Reservation held = holds.get(attempt % 4);
            return switch (attempt % 3) {
                case 0 -> settle(stage, user, held.id(), Optional.empty(), NOW);
                case 1 -> {
                    charge(user, PRICE / 4);
                    yield "charged";
                }
                default -> transactions().inTransaction(() -> reservations().cancel(held.id(), user, NOW));
            };
        });

        List<ReservationStatus> ends = holds.stream().map(held -> status(held.id())).toList();
        assertThat(ends).doesNotContain(ReservationStatus.HELD);
        long confirmed = ends.stream().filter(ReservationStatus.CONFIRMED::equals).count();
        assertThat(outcomes).filteredOn(Paid.class::isInstance).hasSize((int) confirmed);
        assertThat(outcomes).filteredOn(Boolean.TRUE::equals).hasSize(4 - (int) confirmed);
        assertThat(seatStatuses(stage)).filteredOn(SeatStatus.SOLD::equals).hasSize((int) confirmed);
        assertThat(seatStatuses(stage)).filteredOn(SeatStatus.AVAILABLE::equals).hasSize(4 - (int) confirmed);
        assertThat(balance(user)).isEqualTo(PRICE + 100 * (PRICE / 4) - confirmed * PRICE)
                .isEqualTo(sumOfHistory(user));
    }

    private interface Attempt<T> {
        T run(int attempt);
    }

    private static <T> List<T> concurrently(int attempts, Attempt<T> attempt) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        List<T> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < attempts; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return attempt.run(n);
                }));
            }
            start.countDown();
            for (Future<T> future : futures) {
                outcomes.add(future.get());
            }
        }
        return outcomes;
    }
}
