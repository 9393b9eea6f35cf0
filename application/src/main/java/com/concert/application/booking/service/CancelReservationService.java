package com.concert.application.booking.service;

import com.concert.application.booking.port.in.CancelReservationUseCase;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.reservation.ReservationNotFoundException;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.shared.UserId;

import java.time.Clock;
import java.time.Instant;

public final class CancelReservationService implements CancelReservationUseCase {

    private final ReservationRepository reservations;
    private final TransactionRunner transactions;
    private final Clock clock;

    public CancelReservationService(ReservationRepository reservations, TransactionRunner transactions, Clock clock) {
        this.reservations = reservations;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void cancel(UserId user, ReservationId id) {
        Instant now = clock.instant();
        transactions.inTransaction(() -> {
            Reservation reservation = owned(user, id);
            if (reservation.requireCancellableAt(now) && !reservations.cancel(id, user, now)
                    // it changed under us: paid or run out (refused here), or cancelled by a concurrent cancel (done)
                    && owned(user, id).requireCancellableAt(now)) {
                throw new IllegalStateException("reservation " + id + " neither cancelled nor refused");
            }
        });
    }

    private Reservation owned(UserId user, ReservationId id) {
        return reservations.findById(id).filter(r -> r.isOwnedBy(user))
                .orElseThrow(() -> new ReservationNotFoundException(id));
    }
}
