package com.concert.bootstrap.support;

import org.springframework.test.context.TestPropertySource;

/**
 * Base of the booking tests: admission lets everybody in at once (every 100 ms, up to 5,000), so that tests
 * are about seats and points, not about waiting in line.
 */
@TestPropertySource(properties = {
        "concert.redis.key-prefix=${it.redis.prefix}booking:",
        "concert.queue.admit-interval=100ms",
        "concert.queue.admit-batch-size=5000",
        "concert.queue.max-active=5000",
        "concert.queue.active-ttl=30m",
        "concert.reservation.hold-ttl=5m"})
public abstract class BookingIT extends ServiceIT {
}
