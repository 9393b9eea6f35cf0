package com.concert.bootstrap.wiring;

import com.concert.application.booking.port.in.CancelReservationUseCase;
import com.concert.application.booking.port.in.ExpireHoldsUseCase;
import com.concert.application.booking.port.in.GetBookableSchedulesUseCase;
import com.concert.application.booking.port.in.GetReservationUseCase;
import com.concert.application.booking.port.in.GetSeatMapUseCase;
import com.concert.application.booking.port.in.HoldSeatsUseCase;
import com.concert.application.booking.port.in.PayReservationUseCase;
import com.concert.application.booking.port.out.BookingMetrics;
import com.concert.application.booking.port.out.PaymentSettlement;
import com.concert.application.booking.port.out.ReservationHistory;
import com.concert.application.booking.service.CancelReservationService;
import com.concert.application.booking.service.ExpireHoldsService;
import com.concert.application.booking.service.GetBookableSchedulesService;
import com.concert.application.booking.service.GetReservationService;
import com.concert.application.booking.service.GetSeatMapService;
import com.concert.application.booking.service.HoldSeatsService;
import com.concert.application.booking.service.PayReservationService;
import com.concert.application.catalog.port.out.ConcertCatalog;
import com.concert.application.catalog.service.ConcertLookup;
import com.concert.application.idempotency.IdempotencyStore;
import com.concert.application.queue.service.QueueGate;
import com.concert.application.shared.TransactionRunner;
import com.concert.bootstrap.config.ConcertProperties;
import com.concert.bootstrap.jobs.ScheduledJob;
import com.concert.bootstrap.metrics.MicrometerBookingMetrics;
import com.concert.domain.payment.PaymentRepository;
import com.concert.domain.queue.QueueStore;
import com.concert.domain.reservation.ReservationPolicy;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.seat.SeatRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Booking: what a fan behind the queue sees and does (the schedules, the seat map, holds and payments). */
@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

    @Bean
    ReservationPolicy reservationPolicy(ConcertProperties properties) {
        return new ReservationPolicy(properties.reservation().holdTtl(), properties.reservation().maxSeatsPerUser());
    }

    @Bean
    BookingMetrics bookingMetrics(MeterRegistry registry) {
        return new MicrometerBookingMetrics(registry);
    }

    @Bean
    GetBookableSchedulesUseCase getBookableSchedulesUseCase(ConcertLookup concerts, SeatRepository seats, QueueGate gate,
                                                            Clock clock) {
        return new GetBookableSchedulesService(concerts, seats, gate, clock);
    }
    @Bean
    GetSeatMapUseCase getSeatMapUseCase(ConcertLookup concerts, SeatRepository seats, QueueGate gate, Clock clock) {
        return new GetSeatMapService(concerts, seats, gate, clock);
    }
    @Bean
    HoldSeatsUseCase holdSeatsUseCase(ConcertCatalog catalog, QueueGate gate, ReservationRepository reservations,
                                      TransactionRunner transactions, ReservationPolicy policy,
                                      BookingMetrics metrics, Clock clock) {
        return new HoldSeatsService(catalog, gate, reservations, transactions, policy, metrics, clock);
    }

    @Bean
    GetReservationUseCase getReservationUseCase(ReservationRepository reservations, ReservationHistory history,
                                                TransactionRunner transactions, Clock clock) {
        return new GetReservationService(reservations, history, transactions, clock);
    }

    @Bean
    CancelReservationUseCase cancelReservationUseCase(ReservationRepository reservations,
                                                      TransactionRunner transactions, Clock clock) {
        return new CancelReservationService(reservations, transactions, clock);
    }

    @Bean
    ExpireHoldsUseCase expireHoldsUseCase(ReservationRepository reservations, TransactionRunner transactions,
                                          Clock clock) {
        return new ExpireHoldsService(reservations, transactions, clock);
    }

    @Bean
    ScheduledJob holdSweeper(ExpireHoldsUseCase expireHolds, ConcertProperties properties, MeterRegistry registry) {
        // every instance sweeps; each run-out hold is expired by exactly one of them, so the sum across
        // instances counts every hold once
        Counter expired = Counter.builder("concert.reservations.expired")
                .description("holds that ran out unpaid, expired by this instance's sweeper").register(registry);
        return new ScheduledJob("hold-sweeper", properties.reservation().sweepInterval(), false,
                () -> expired.increment(expireHolds.expireDueHolds()));
    }

    @Bean
    PayReservationUseCase payReservationUseCase(QueueGate gate, QueueStore queue, ReservationRepository reservations,
                                                PaymentSettlement settlement, PaymentRepository payments,
                                                IdempotencyStore idempotency, TransactionRunner transactions,
                                                BookingMetrics metrics, Clock clock) {
        return new PayReservationService(gate, queue, reservations, settlement, payments, idempotency, transactions,
                metrics, clock);
    }
}
