package com.concert.bootstrap.wiring;

import com.concert.application.ratelimit.RateLimitPolicy;
import com.concert.application.ratelimit.port.in.LimitRequestRateUseCase;
import com.concert.application.ratelimit.port.out.RateLimiter;
import com.concert.application.ratelimit.service.LimitRequestRateService;
import com.concert.bootstrap.config.ConcertProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Rate limits on the requests a bot would flood: entering queues and holding seats. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimitPolicy rateLimitPolicy(ConcertProperties properties) {
        ConcertProperties.RateLimit limit = properties.rateLimit();
        return new RateLimitPolicy(limit.enabled(), limit.perUser(), limit.perAddress(), limit.burstSeconds());
    }

    @Bean
    LimitRequestRateUseCase limitRequestRateUseCase(RateLimiter limiter, RateLimitPolicy policy, Clock clock) {
        return new LimitRequestRateService(limiter, policy, clock);
    }
}
