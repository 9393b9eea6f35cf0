package com.concert.application.booking.service;

import com.concert.application.booking.port.in.HoldSeatsCommand;
import com.concert.application.booking.port.in.HoldSeatsUseCase;
import com.concert.application.booking.port.out.BookingMetrics;
import com.concert.application.catalog.port.out.ConcertCatalog;
import com.concert.application.queue.service.QueueGate;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertNotAvailableException;
import com.concert.domain.concert.Schedule;
import com.concert.domain.concert.ScheduleNotFoundException;
import com.concert.domain.queue.QueueTokenId;
import com.concert.domain.reservation.HoldRequest;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationPolicy;
import com.concert.domain.reservation.ReservationRepository;

import java.time.Clock;
import java.time.Instant;

public final class HoldSeatsService implements HoldSeatsUseCase {

    private final ConcertCatalog catalog;
    private final QueueGate gate;
    private final ReservationRepository reservations;
    private final TransactionRunner transactions;
    private final ReservationPolicy policy;
    private final BookingMetrics metrics;
    private final Clock clock;

    public HoldSeatsService(ConcertCatalog catalog, QueueGate gate, ReservationRepository reservations,
                            TransactionRunner transactions, ReservationPolicy policy, BookingMetrics metrics,
                            Clock clock) {
        this.catalog = catalog;
        this.gate = gate;
        this.reservations = reservations;
        this.transactions = transactions;
        this.policy = policy;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Reservation hold(HoldSeatsCommand command) {
        QueueTokenId token = QueueGate.parse(command.token());
        Concert concert = catalog.findBySchedule(command.schedule())
                .orElseThrow(() -> new ScheduleNotFoundException(token.concertId(), command.schedule()));
        gate.requireActive(token, command.userId(), concert.id());
        Instant now = clock.instant();
        Schedule schedule = concert.schedules().stream().filter(s -> s.id().equals(command.schedule())).findFirst()
                .orElseThrow(() -> new ScheduleNotFoundException(concert.id(), command.schedule()));
        if (!schedule.isBookableAt(now)) {
            throw new ConcertNotAvailableException(concert.id());
        }
        HoldRequest request = new HoldRequest(command.userId(), concert.id(), schedule.id(), command.seats());
        // all of a hold or none of it is one call of the repository: no transaction around it (ADR 16)
        Reservation held = transactions.singleCall(() ->
                reservations.hold(request, now, policy.holdTtl(), policy.maxSeatsPerUser()));
        metrics.held(held);
        return held;
    }
}
