package com.concert.application.booking.service;

import com.concert.application.booking.port.in.HoldSeatsCommand;
import com.concert.application.booking.port.in.PayReservationCommand;
import com.concert.application.fake.DirectTransactionRunner;
import com.concert.application.fake.InMemoryConcertCatalog;
import com.concert.application.fake.InMemoryConcertRepository;
import com.concert.application.fake.InMemoryIdempotencyStore;
import com.concert.application.fake.InMemoryPaymentRepository;
import com.concert.application.fake.InMemoryPaymentSettlement;
import com.concert.application.fake.InMemoryQueueStore;
import com.concert.application.fake.InMemoryReservationRepository;
import com.concert.application.fake.InMemorySeatRepository;
import com.concert.application.fake.InMemoryWalletRepository;
import com.concert.application.fake.RecordingBookingMetrics;
import com.concert.application.idempotency.IdempotencyKey;
import com.concert.application.queue.service.QueueGate;
import com.concert.application.shared.PageRequest;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.Schedule;
import com.concert.domain.payment.Payment;
import com.concert.domain.point.PointEntry;
import com.concert.domain.queue.AdmissionPolicy;
import com.concert.domain.queue.QueueStore;
import com.concert.domain.queue.QueueTokenId;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationPolicy;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatId;
import com.concert.domain.seat.SeatStatus;
import com.concert.domain.shared.UserId;
import com.concert.domain.testing.MutableClock;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static com.concert.domain.testing.ConcertFixture.concert;

/** The booking services on one set of in-memory fakes, with a clock the test moves by hand. */
final class BookingFixture {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final Duration DAY = Duration.ofDays(1);
    static final Duration HOLD_TTL = Duration.ofMinutes(5);
    static final int MAX_SEATS_PER_USER = 4;
    static final long PRICE = 110_000;
    static final long MAX_BALANCE = 10_000_000;
    /** Room for everybody a test lets in; an admitted fan may shop for longer than a hold lasts. */
    static final AdmissionPolicy ADMISSION =
            new AdmissionPolicy(Duration.ofSeconds(1), 100, 100, Duration.ofMinutes(30));
    static final UserId ALICE = new UserId(1);
    static final UserId BOB = new UserId(2);

    private static final SecureRandom RANDOM = new SecureRandom();

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryConcertRepository concerts = new InMemoryConcertRepository();
    final InMemorySeatRepository seats = new InMemorySeatRepository();
    final InMemoryReservationRepository reservations = new InMemoryReservationRepository(seats);
    final InMemoryWalletRepository wallets = new InMemoryWalletRepository();
    final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
    final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    final InMemoryQueueStore queue = new InMemoryQueueStore();
    final DirectTransactionRunner transactions =
            new DirectTransactionRunner(reservations, wallets, payments, idempotency);
    final QueueGate gate = new QueueGate(queue, clock);
    final RecordingBookingMetrics metrics = new RecordingBookingMetrics();

    final HoldSeatsService holdSeats = new HoldSeatsService(new InMemoryConcertCatalog(concerts), gate, reservations,
            transactions, new ReservationPolicy(HOLD_TTL, MAX_SEATS_PER_USER), metrics, clock);
    final PayReservationService payReservation = payingWith(queue);
    final CancelReservationService cancelReservation = new CancelReservationService(reservations, transactions, clock);
    final GetReservationService getReservation =
            new GetReservationService(reservations, reservations, transactions, clock);
    final ExpireHoldsService expireHolds = new ExpireHoldsService(reservations, transactions, clock);

    /** A payment service that ends queue tokens through {@code queueStore}; the gate still reads the fixture's queue. */
    PayReservationService payingWith(QueueStore queueStore) {
        return new PayReservationService(gate, queueStore, reservations,
                new InMemoryPaymentSettlement(reservations, wallets, payments, idempotency), payments, idempotency,
                transactions, metrics, clock);
    }

    /** One performance of a concert, open for booking now, and its seats by number. */
    record Stage(Concert concert, Schedule schedule, List<Seat> seats) {

        ConcertId concertId() {
            return concert.id();
        }

        SeatId seat(int number) {
            return seats.get(number - 1).id();
        }
    }

    /** A concert whose one performance is open for booking now, with {@code count} seats at {@link #PRICE}. */
    Stage stage(int count) {
        Concert concert = concerts.create(concert().schedule(NOW.plus(DAY.multipliedBy(30)), NOW.minus(DAY), count).build());
        return stageOf(concert, concert.schedules().getFirst());
    }

    /** Seats at {@link #PRICE} for a performance of a concert created by the test. */
    Stage stageOf(Concert concert, Schedule schedule) {
        return new Stage(concert, schedule, seats.addSeats(schedule, schedule.totalSeats(), PRICE));
    }

    /** The user's token for the concert, admitted now: admits everybody then waiting in its line. */
    String activeToken(UserId user, ConcertId concert) {
        String token = waitingToken(user, concert);
        queue.admit(concert, ADMISSION, clock.instant());
        return token;
    }

    /** The user's token for the concert, still in line until somebody is admitted. */
    String waitingToken(UserId user, ConcertId concert) {
        return queue.enter(concert, user, QueueTokenId.generate(concert, RANDOM), clock.instant()).token().id().value();
    }

    HoldSeatsCommand holdCommand(UserId user, String token, Stage stage, int... seatNumbers) {
        return new HoldSeatsCommand(user, token, stage.schedule().id().value(),
                Arrays.stream(seatNumbers).mapToObj(n -> stage.seat(n).value()).toList());
    }

    /** Holds seats by number through the service, with the user's active token. */
    Reservation hold(UserId user, Stage stage, int... seatNumbers) {
        return holdSeats.hold(holdCommand(user, activeToken(user, stage.concertId()), stage, seatNumbers));
    }

    static PayReservationCommand payCommand(UserId user, String token, Reservation reservation, String key) {
        return new PayReservationCommand(user, token, reservation.id().value(),
                Optional.ofNullable(key).map(IdempotencyKey::new));
    }

    /** Pays through the service with the user's active token for the reservation's concert. */
    Payment pay(UserId user, Reservation reservation, String key) {
        return payReservation.pay(payCommand(user, activeToken(user, reservation.concertId()), reservation, key));
    }

    void charge(UserId user, long points) {
        transactions.inTransaction(() -> wallets.charge(user, points, MAX_BALANCE, clock.instant()));
    }

    long balance(UserId user) {
        return wallets.find(user).balance();
    }

    List<PointEntry> history(UserId user) {
        return wallets.history(user, new PageRequest(0, PageRequest.MAX_SIZE)).items();
    }

    long sumOfHistory(UserId user) {
        return history(user).stream().mapToLong(PointEntry::signedAmount).sum();
    }

    Reservation stored(ReservationId id) {
        return reservations.findById(id).orElseThrow();
    }

    /** The stage's seats by number as a client sees them now. */
    List<SeatStatus> seatsNow(Stage stage) {
        Instant now = clock.instant();
        return seats.findBySchedule(stage.schedule().id()).stream().map(s -> s.statusAt(now)).toList();
    }

    /** The stage's seats by number as stored, whatever they read as. */
    List<SeatStatus> seatsStored(Stage stage) {
        return seats.findBySchedule(stage.schedule().id()).stream().map(Seat::status).toList();
    }

    int reservationsOf(UserId user) {
        return (int) reservations.findByUser(user, new PageRequest(0, PageRequest.MAX_SIZE)).totalItems();
    }
}
