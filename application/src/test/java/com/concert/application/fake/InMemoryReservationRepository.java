package com.concert.application.fake;

import com.concert.application.booking.port.out.ReservationHistory;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.reservation.HoldRequest;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.reservation.ReservationStatus;
import com.concert.domain.reservation.ReservedSeat;
import com.concert.domain.reservation.SeatLimitExceededException;
import com.concert.domain.reservation.SeatUnavailableException;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatId;
import com.concert.domain.seat.SeatNotFoundException;
import com.concert.domain.seat.SeatStatus;
import com.concert.domain.shared.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reservations in memory over the seats of an {@link InMemorySeatRepository}, keeping the same promises as the
 * SQL one (see its contract test). Every method holds the lock of the seat store, which makes it atomic.
 */
public final class InMemoryReservationRepository implements ReservationRepository, ReservationHistory, InMemoryStore {

    private final InMemorySeatRepository seats;
    private final Map<ReservationId, Reservation> reservations = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public InMemoryReservationRepository(InMemorySeatRepository seats) {
        this.seats = seats;
    }

    @Override
    public Reservation hold(HoldRequest request, Instant now, Duration holdTtl, int maxSeatsPerUser) {
        synchronized (seats) {
            int owned = reservations.values().stream()
                    .filter(r -> r.userId().equals(request.userId()) && r.scheduleId().equals(request.scheduleId()))
                    .filter(r -> r.statusAt(now) == ReservationStatus.HELD || r.status() == ReservationStatus.CONFIRMED)
                    .mapToInt(r -> r.seats().size()).sum();
            if (owned + request.seatIds().size() > maxSeatsPerUser) {
                throw new SeatLimitExceededException(maxSeatsPerUser, owned);
            }
            Map<SeatId, Seat> schedule = new LinkedHashMap<>();
            seats.findBySchedule(request.scheduleId()).forEach(s -> schedule.put(s.id(), s));
            List<SeatId> missing = request.seatIds().stream().filter(id -> !schedule.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                throw new SeatNotFoundException(request.scheduleId(), missing);
            }
            List<SeatId> taken = request.seatIds().stream().filter(id -> !schedule.get(id).isAvailableAt(now)).toList();
            if (!taken.isEmpty()) {
                throw new SeatUnavailableException(taken);
            }
            expireHoldersOf(request.seatIds(), now);
            Reservation reservation = new Reservation(new ReservationId(ids.incrementAndGet()), request.userId(),
                    request.concertId(), request.scheduleId(),
                    request.seatIds().stream().map(schedule::get)
                            .map(s -> new ReservedSeat(s.id(), s.number(), s.grade(), s.price())).toList(),
                    ReservationStatus.HELD, now, now.plus(holdTtl), null);
            reservations.put(reservation.id(), reservation);
            request.seatIds().forEach(id -> seats.put(with(schedule.get(id), SeatStatus.HELD, reservation.expiresAt())));
            return reservation;
        }
    }

    /** A run-out hold on a seat about to be taken ends as EXPIRED, and its other seats are released. */
    private void expireHoldersOf(List<SeatId> seatIds, Instant now) {
        reservations.values().stream()
                .filter(r -> r.status() == ReservationStatus.HELD && !now.isBefore(r.expiresAt()))
                .filter(r -> r.seats().stream().anyMatch(s -> seatIds.contains(s.id())))
                .toList()
                .forEach(r -> end(ended(r, ReservationStatus.EXPIRED, now), SeatStatus.AVAILABLE));
    }

    /** Puts back the seats too, since a hold, a payment or a cancel changes both. Ids are not given back. */
    @Override
    public Runnable savepoint() {
        synchronized (seats) {
            Map<ReservationId, Reservation> saved = new LinkedHashMap<>(reservations);
            Runnable seatsBack = seats.savepoint();
            return () -> {
                synchronized (seats) {
                    reservations.clear();
                    reservations.putAll(saved);
                    seatsBack.run();
                }
            };
        }
    }

    @Override
    public Optional<Reservation> findById(ReservationId id) {
        synchronized (seats) {
            return Optional.ofNullable(reservations.get(id));
        }
    }

    @Override
    public Page<Reservation> findByUser(UserId user, PageRequest page) {
        synchronized (seats) {
            List<Reservation> mine = reservations.values().stream().filter(r -> r.isOwnedBy(user))
                    .sorted(Comparator.comparing(Reservation::createdAt).thenComparing(r -> r.id().value()).reversed())
                    .toList();
            return Page.of(mine.stream().skip(page.offset()).limit(page.size()).toList(), page, mine.size());
        }
    }

    @Override
    public Optional<Reservation> confirm(ReservationId id, UserId user, Instant now) {
        synchronized (seats) {
            Reservation held = live(id, user, now);
            if (held == null) {
                return Optional.empty();
            }
            Reservation confirmed = ended(held, ReservationStatus.CONFIRMED, now);
            end(confirmed, SeatStatus.SOLD);
            return Optional.of(confirmed);
        }
    }

    @Override
    public boolean cancel(ReservationId id, UserId user, Instant now) {
        synchronized (seats) {
            Reservation held = live(id, user, now);
            if (held == null) {
                return false;
            }
            end(ended(held, ReservationStatus.CANCELLED, now), SeatStatus.AVAILABLE);
            return true;
        }
    }

    @Override
    public int expireDue(Instant now, int limit) {
        synchronized (seats) {
            List<Reservation> due = reservations.values().stream()
                    .filter(r -> r.status() == ReservationStatus.HELD && !now.isBefore(r.expiresAt()))
                    .limit(limit).toList();
            due.forEach(r -> end(ended(r, ReservationStatus.EXPIRED, now), SeatStatus.AVAILABLE));
            return due.size();
        }
    }

    /** The transition the real repository makes by one conditional statement, made here under the lock. */
    private static Reservation ended(Reservation held, ReservationStatus next, Instant now) {
        return new Reservation(held.id(), held.userId(), held.concertId(), held.scheduleId(), held.seats(), next,
                held.createdAt(), held.expiresAt(), now);
    }

    private Reservation live(ReservationId id, UserId user, Instant now) {
        Reservation reservation = reservations.get(id);
        boolean live = reservation != null && reservation.isOwnedBy(user)
                && reservation.statusAt(now) == ReservationStatus.HELD;
        return live ? reservation : null;
    }

    private void end(Reservation ended, SeatStatus seatsBecome) {
        reservations.put(ended.id(), ended);
        for (ReservedSeat reserved : ended.seats()) {
            seats.findBySchedule(ended.scheduleId()).stream()
                    .filter(s -> s.id().equals(reserved.id()) && s.status() == SeatStatus.HELD)
                    .findFirst()
                    .ifPresent(s -> seats.put(with(s, seatsBecome, null)));
        }
    }

    private static Seat with(Seat seat, SeatStatus status, Instant holdUntil) {
        return Seat.restore(seat.id(), seat.scheduleId(), seat.number(), seat.grade(), seat.price(), status, holdUntil);
    }
}
