package com.concert.adapter.out.persistence.shared;

import com.concert.domain.shared.DependencyUnavailableException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database that cannot be reached surfaces as the port's exception, quickly, never as a vendor exception. */
class SpringTransactionRunnerTest {

    private HikariDataSource dataSource;

    @AfterEach
    void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void anUnreachableDatabase_isDependencyUnavailable_withinTheConnectionTimeout() throws IOException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort() + "/concert");
        config.setUsername("concert");
        config.setConnectionTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        dataSource = new HikariDataSource(config);
        SpringTransactionRunner runner = new SpringTransactionRunner(new JdbcTransactionManager(dataSource));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        long started = System.nanoTime();
        assertThatThrownBy(() -> runner.readOnly(() -> jdbc.queryForObject("SELECT 1", Integer.class)))
                .isInstanceOf(DependencyUnavailableException.class)
                .hasMessage("The database is unavailable; try again shortly");
        assertThatThrownBy(() -> runner.inTransaction(() -> jdbc.update("SELECT 1")))
                .isInstanceOf(DependencyUnavailableException.class);

        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds for both").isLessThan(10_000);
    }

    @Test
    void onlyConnectionFailuresCountAsTheDatabaseBeingDown() {
        assertThat(ConnectionFailures.isConnectionFailure(new IllegalStateException("a bug"))).isFalse();
        assertThat(ConnectionFailures.isConnectionFailure(new java.sql.SQLException("gone", "08006"))).isTrue();
        assertThat(ConnectionFailures.isConnectionFailure(new java.sql.SQLException("unique", "23505"))).isFalse();
        assertThat(ConnectionFailures.isConnectionFailure(
                new RuntimeException(new java.sql.SQLTransientConnectionException("pool timeout")))).isTrue();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
