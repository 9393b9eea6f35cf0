package com.concert.testsupport.persistence;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of the adapter's integration tests: one Spring context per JVM on this run's own schema. */
@SpringBootTest(classes = PersistenceTestApplication.class)
public abstract class PersistenceIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresFixture.shared().springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }
}
