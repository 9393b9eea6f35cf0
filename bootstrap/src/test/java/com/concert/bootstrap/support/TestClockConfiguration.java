package com.concert.bootstrap.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Gives the service under test a clock the tests can shift (see {@link ShiftableClock}). */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    ShiftableClock shiftableClock() {
        return new ShiftableClock();
    }
}
