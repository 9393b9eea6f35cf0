package com.concert.bootstrap.metrics;

import com.concert.application.booking.port.out.BookingMetrics;
import com.concert.domain.payment.Payment;
import com.concert.domain.reservation.Reservation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code concert.reservations.held} and {@code concert.reservations.paid}, beside the sweeper's
 * {@code concert.reservations.expired}: counters of this instance, without a concert tag (a sale's dashboards ask
 * how fast seats go, not which concert's; the queue meters say that), so their series never grow with the catalog.
 * Sum them across instances.
 */
public final class MicrometerBookingMetrics implements BookingMetrics {

    private final Counter held;
    private final Counter paid;

    public MicrometerBookingMetrics(MeterRegistry registry) {
        this.held = Counter.builder("concert.reservations.held")
                .description("reservations that took their seats, on this instance").register(registry);
        this.paid = Counter.builder("concert.reservations.paid")
                .description("reservations paid with points (idempotent replays not counted), on this instance")
                .register(registry);
    }

    @Override
    public void held(Reservation reservation) {
        held.increment();
    }

    @Override
    public void paid(Payment payment) {
        paid.increment();
    }
}
