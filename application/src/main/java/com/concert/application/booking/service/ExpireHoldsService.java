package com.concert.application.booking.service;

import com.concert.application.booking.port.in.ExpireHoldsUseCase;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.reservation.ReservationRepository;

import java.time.Clock;
import java.time.Instant;

public final class ExpireHoldsService implements ExpireHoldsUseCase {

    /** Holds expired per transaction: short transactions, so that the sweep never holds many locks for long. */
    static final int BATCH = 500;

    private final ReservationRepository reservations;
    private final TransactionRunner transactions;
    private final Clock clock;

    public ExpireHoldsService(ReservationRepository reservations, TransactionRunner transactions, Clock clock) {
        this.reservations = reservations;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int expireDueHolds() {
        Instant now = clock.instant();
        int total = 0;
        int batch;
        do {
            batch = transactions.inTransaction(() -> reservations.expireDue(now, BATCH));
            total += batch;
        } while (batch == BATCH);
        return total;
    }
}
