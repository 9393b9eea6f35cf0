package com.concert.bootstrap.wiring;

import com.concert.application.idempotency.IdempotencyStore;
import com.concert.application.points.port.in.ChargePointsUseCase;
import com.concert.application.points.port.in.GetPointsUseCase;
import com.concert.application.points.port.out.PointHistory;
import com.concert.application.points.service.ChargePointsService;
import com.concert.application.points.service.GetPointsService;
import com.concert.application.shared.TransactionRunner;
import com.concert.bootstrap.config.ConcertProperties;
import com.concert.domain.point.PointPolicy;
import com.concert.domain.point.WalletRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Points: balance, charges and their history. */
@Configuration(proxyBeanMethods = false)
class PointsConfiguration {

    @Bean
    PointPolicy pointPolicy(ConcertProperties properties) {
        return new PointPolicy(properties.points().maxCharge(), properties.points().maxBalance());
    }

    @Bean
    GetPointsUseCase getPointsUseCase(WalletRepository wallets, PointHistory history, TransactionRunner transactions) {
        return new GetPointsService(wallets, history, transactions);
    }

    @Bean
    ChargePointsUseCase chargePointsUseCase(WalletRepository wallets, IdempotencyStore idempotency,
                                            TransactionRunner transactions, PointPolicy policy, Clock clock) {
        return new ChargePointsService(wallets, idempotency, transactions, policy, clock);
    }
}
