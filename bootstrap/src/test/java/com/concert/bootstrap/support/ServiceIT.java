package com.concert.bootstrap.support;

import com.concert.testsupport.persistence.PostgresFixture;
import com.concert.testsupport.redis.RedisFixture;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


/**
 * Base of the end-to-end tests: the whole service on a random port, on real PostgreSQL and Redis from the
 * shared fixtures (see {@link PostgresFixture} and {@link RedisFixture} for where they come from), trusting the
 * {@link TestIssuer}'s tokens, with a clock the tests can shift. Contexts are cached, so all tests with the same settings share one service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "concert.redis.key-prefix=${it.redis.prefix}catalog:",
        // admission only where a test asks for it (see QueueApiIT)
        "concert.queue.admit-interval=1h",
        // every test client comes from one address; RateLimitIT tests the limits
        "concert.rate-limit.per-address=0",
        // no load balancer to drain when a test context closes
        "concert.shutdown.drain-delay=0s"})
@Import(TestClockConfiguration.class)
public abstract class ServiceIT {

    @LocalServerPort
    protected int port;

    /** The actuator's port, never the public one. */
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected ShiftableClock clock;

    protected Api api;

    /** The actuator, on the management port. */
    protected Api management;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        PostgresFixture.shared().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        TestIssuer.shared().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        RedisFixture redis = RedisFixture.shared();
        registry.add("spring.data.redis.host", redis::host);
        registry.add("spring.data.redis.port", redis::port);
        registry.add("spring.data.redis.database", redis::database);
        // each kind of context names its own namespace under this one (concert.redis.key-prefix), so that the schedulers
        // of cached contexts, each with its own settings, never admit each other's queues
        registry.add("it.redis.prefix", redis::keyPrefix);
    }

    @BeforeEach
    void connect() {
        api = new Api("http://localhost:" + port);
        management = new Api("http://localhost:" + managementPort);
        clock.reset();
    }
}
