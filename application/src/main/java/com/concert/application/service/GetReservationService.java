package com.concert.application.service;

import com.concert.application.port.in.GetReservationUseCase;
import com.concert.application.port.in.ReservationView;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationNotFoundException;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.shared.Page;
import com.concert.domain.shared.PageRequest;
import com.concert.domain.shared.TransactionRunner;
import com.concert.domain.shared.UserId;

import java.time.Clock;
import java.time.Instant;

public final class GetReservationService implements GetReservationUseCase {

    private final ReservationRepository reservations;
    private final TransactionRunner transactions;
    private final Clock clock;

    public GetReservationService(ReservationRepository reservations, TransactionRunner transactions, Clock clock) {
        this.reservations = reservations;
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
        return transactions.readOnly(() -> reservations.findByUser(user, page)).map(r -> new ReservationView(r, now));
    }
}
