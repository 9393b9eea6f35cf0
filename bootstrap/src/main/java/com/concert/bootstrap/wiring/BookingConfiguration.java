package com.concert.bootstrap.wiring;

import com.concert.application.port.in.CancelReservationUseCase;
import com.concert.application.port.in.ChargePointsUseCase;
import com.concert.application.port.in.ExpireHoldsUseCase;
import com.concert.application.port.in.GetPointsUseCase;
import com.concert.application.port.in.GetReservationUseCase;
import com.concert.application.port.in.HoldSeatsUseCase;
import com.concert.application.port.in.PayReservationUseCase;
import com.concert.application.service.CancelReservationService;
import com.concert.application.service.ChargePointsService;
import com.concert.application.service.ExpireHoldsService;
import com.concert.application.service.GetPointsService;
import com.concert.application.service.GetReservationService;
import com.concert.application.service.HoldSeatsService;
import com.concert.application.service.PayReservationService;
import com.concert.application.service.QueueGate;
import com.concert.bootstrap.config.ConcertProperties;
import com.concert.bootstrap.jobs.PeriodicJob;
import com.concert.domain.concert.ConcertCatalog;
import com.concert.domain.idempotency.IdempotencyStore;
import com.concert.domain.payment.PaymentRepository;
import com.concert.domain.point.PointPolicy;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.queue.QueueStore;
import com.concert.domain.reservation.ReservationPolicy;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.shared.TransactionRunner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Holds, reservations, points and payments. */
@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

    @Bean
    ReservationPolicy reservationPolicy(ConcertProperties properties) {
        return new ReservationPolicy(properties.reservation().holdTtl(), properties.reservation().maxSeatsPerUser());
    }

    @Bean
    PointPolicy pointPolicy(ConcertProperties properties) {
        return new PointPolicy(properties.points().maxCharge(), properties.points().maxBalance());
    }

    @Bean
    HoldSeatsUseCase holdSeatsUseCase(ConcertCatalog catalog, QueueGate gate, ReservationRepository reservations,
                                      TransactionRunner transactions, ReservationPolicy policy, Clock clock) {
        return new HoldSeatsService(catalog, gate, reservations, transactions, policy, clock);
    }

    @Bean
    GetReservationUseCase getReservationUseCase(ReservationRepository reservations, TransactionRunner transactions,
                                                Clock clock) {
        return new GetReservationService(reservations, transactions, clock);
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
    PeriodicJob holdSweeper(ExpireHoldsUseCase expireHolds, ConcertProperties properties, MeterRegistry registry) {
        // every instance sweeps; each run-out hold is expired by exactly one of them, so the sum across
        // instances counts every hold once
        Counter expired = Counter.builder("concert.reservations.expired")
                .description("holds that ran out unpaid, expired by this instance's sweeper").register(registry);
        return new PeriodicJob("hold-sweeper", properties.reservation().sweepInterval(),
                () -> expired.increment(expireHolds.expireDueHolds()));
    }

    @Bean
    GetPointsUseCase getPointsUseCase(WalletRepository wallets, TransactionRunner transactions) {
        return new GetPointsService(wallets, transactions);
    }

    @Bean
    ChargePointsUseCase chargePointsUseCase(WalletRepository wallets, IdempotencyStore idempotency,
                                            TransactionRunner transactions, PointPolicy policy, Clock clock) {
        return new ChargePointsService(wallets, idempotency, transactions, policy, clock);
    }

    @Bean
    PayReservationUseCase payReservationUseCase(QueueGate gate, QueueStore queue, ReservationRepository reservations,
                                                WalletRepository wallets, PaymentRepository payments,
                                                IdempotencyStore idempotency, TransactionRunner transactions,
                                                Clock clock) {
        return new PayReservationService(gate, queue, reservations, wallets, payments, idempotency, transactions, clock);
    }
}
