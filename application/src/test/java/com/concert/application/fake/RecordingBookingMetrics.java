package com.concert.application.fake;

import com.concert.application.booking.port.out.BookingMetrics;
import com.concert.domain.payment.Payment;
import com.concert.domain.reservation.Reservation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every hold and payment reported, in order. */
public final class RecordingBookingMetrics implements BookingMetrics {

    private final List<Reservation> held = new CopyOnWriteArrayList<>();
    private final List<Payment> paid = new CopyOnWriteArrayList<>();

    @Override
    public void held(Reservation reservation) {
        held.add(reservation);
    }

    @Override
    public void paid(Payment payment) {
        paid.add(payment);
    }

    public List<Reservation> held() {
        return List.copyOf(held);
    }

    public List<Payment> paid() {
        return List.copyOf(paid);
    }
}
