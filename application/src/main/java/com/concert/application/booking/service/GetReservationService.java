package com.concert.application.booking.service;

import com.concert.application.booking.port.in.GetReservationUseCase;
import com.concert.application.booking.port.in.ReservationView;
import com.concert.application.booking.port.out.ReservationHistory;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationNotFoundException;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.shared.UserId;

import java.time.Clock;
import java.time.Instant;

public final class GetReservationService implements GetReservationUseCase {

    private final ReservationRepository reservations;
    private final ReservationHistory history;
    private final TransactionRunner transactions;
    private final Clock clock;

    public GetReservationService(ReservationRepository reservations, ReservationHistory history,
            TransactionRunner transactions, Clock clock) {
        this.reservations = reservations;
        this.history = history;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ReservationView get(UserId user, ReservationId id) {
        return transactions.readOnly(() -> reservations.findById(id))
                .filter(r -> r.isOwnedBy(user))
                .map(r -> new ReservationView(r, clock.instant()))
                .orElseThrow(() -> new ReservationNotFoundException(id));
    }

    @Override
    public Page<ReservationView> list(UserId user, PageRequest page) {
        Instant now = clock.instant();
        return transactions.readOnly(() -> history.findByUser(user, page)).map(r -> new ReservationView(r, now));
    }
}
