package com.concert.adapter.out.persistence.shared;

import com.concert.application.shared.DependencyUnavailableException;
import com.zaxxer.hikari.HikariConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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
        SpringTransactionRunner runner = new SpringTransactionRunner(new JdbcTransactionManager(dataSource),
                DatabaseBreaker.create(SpringTransactionRunner.PROBE_INTERVAL, Clock.systemUTC()), ServerProbe.of(dataSource));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        long started = System.nanoTime();
        assertThatThrownBy(() -> runner.readOnly(() -> jdbc.queryForObject("SELECT 1", Integer.class)))
                .isInstanceOf(DependencyUnavailableException.class)
                .hasMessage("The database is unavailable; try again shortly");
        assertThatThrownBy(() -> runner.inTransaction(() -> jdbc.update("SELECT 1")))
                .isInstanceOf(DependencyUnavailableException.class);

        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds for both").isLessThan(10_000);
    }

    /**
     * Once a transaction found the database unreachable, the next ones are refused without asking the pool
     * for a connection (so without waiting out its timeout), until the probe interval has passed.
     */
    @Test
    void afterAnUnreachableDatabase_transactionsAreRefusedWithoutWaitingForThePool_untilTheNextProbe() throws IOException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort() + "/concert");
        config.setUsername("concert");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        dataSource = new HikariDataSource(config);
        AtomicInteger asked = new AtomicInteger();
        DelegatingDataSource counting = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                asked.incrementAndGet();
                return super.getConnection();
            }
        };
        MovableClock clock = new MovableClock();
        SpringTransactionRunner runner = new SpringTransactionRunner(new JdbcTransactionManager(counting),
                DatabaseBreaker.create(Duration.ofSeconds(1), clock), () -> true);
        JdbcTemplate jdbc = new JdbcTemplate(counting);

        assertThatThrownBy(() -> runner.readOnly(() -> jdbc.queryForObject("SELECT 1", Integer.class)))
                .isInstanceOf(DependencyUnavailableException.class);
        assertThat(asked).hasValue(1);

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> runner.inTransaction(() -> jdbc.update("SELECT 1")))
                    .isInstanceOf(DependencyUnavailableException.class)
                    .hasMessage("The database is unavailable; try again shortly");
        }
        assertThat(asked).as("refused without asking the pool").hasValue(1);

        clock.advance(Duration.ofMillis(1_001));
        assertThatThrownBy(() -> runner.readOnly(() -> jdbc.queryForObject("SELECT 1", Integer.class)))
                .isInstanceOf(DependencyUnavailableException.class);
        assertThat(asked).as("one probe").hasValue(2);
    }

    /**
     * A connection that broke opens the breaker only if the server itself no longer answers: one backend ended
     * by an operator is not an outage, a server that refuses connections is.
     */
    @Test
    void aBrokenConnection_opensTheBreaker_onlyWhenTheServerNoLongerAnswers() {
        AtomicBoolean serverAnswers = new AtomicBoolean(true);
        CircuitBreaker breaker = DatabaseBreaker.create(Duration.ofSeconds(1), new MovableClock());
        SpringTransactionRunner runner = new SpringTransactionRunner(new NoDatabaseTransactions(), breaker,
                serverAnswers::get);
        Supplier<Integer> brokenConnection = () -> {
            throw new DataAccessResourceFailureException("I/O error", new SQLException("An I/O error occurred", "08006"));
        };

        assertThatThrownBy(() -> runner.inTransaction(brokenConnection)).isInstanceOf(DependencyUnavailableException.class);
        assertThat(breaker.getState()).as("the server still answers").isEqualTo(CircuitBreaker.State.CLOSED);

        serverAnswers.set(false);
        assertThatThrownBy(() -> runner.inTransaction(brokenConnection)).isInstanceOf(DependencyUnavailableException.class);
        assertThat(breaker.getState()).as("the server is gone").isEqualTo(CircuitBreaker.State.OPEN);
    }

    /** The probe after an outage asks the server first: one still gone costs a TCP connect, not the pool's timeout. */
    @Test
    void theProbe_doesNotAskThePool_whileTheServerStillRefusesConnections() {
        AtomicBoolean serverAnswers = new AtomicBoolean(false);
        AtomicInteger asked = new AtomicInteger();
        MovableClock clock = new MovableClock();
        CircuitBreaker breaker = DatabaseBreaker.create(Duration.ofSeconds(1), clock);
        SpringTransactionRunner runner = new SpringTransactionRunner(new NoDatabaseTransactions(), breaker,
                serverAnswers::get);
        breaker.onError(1, TimeUnit.MILLISECONDS, new SQLException("Connection refused", "08001"));
        clock.advance(Duration.ofMillis(1_001));

        assertThatThrownBy(() -> runner.inTransaction(asked::incrementAndGet))
                .isInstanceOf(DependencyUnavailableException.class);
        assertThat(asked).as("the work never ran").hasValue(0);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        serverAnswers.set(true);
        clock.advance(Duration.ofMillis(1_001));
        assertThat(runner.inTransaction(asked::incrementAndGet)).isEqualTo(1);
        assertThat(breaker.getState()).as("the probe reached it").isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theServersToProbe_comeFromTheJdbcUrl() {
        assertThat(ServerProbe.addresses("jdbc:postgresql://db.internal:6432/concert?ssl=true"))
                .extracting(a -> a.getHostString() + ":" + a.getPort()).containsExactly("db.internal:6432");
        assertThat(ServerProbe.addresses("jdbc:postgresql://a,b:5433,[::1]:5434/concert"))
                .extracting(a -> a.getHostString() + ":" + a.getPort()).containsExactly("a:5432", "b:5433", "::1:5434");
        assertThat(ServerProbe.addresses("jdbc:postgresql:concert"))
                .extracting(a -> a.getHostString() + ":" + a.getPort()).containsExactly("localhost:5432");
        assertThat(ServerProbe.addresses("jdbc:h2:mem:x")).isEmpty();
    }

    /** Transactions that touch nothing: for work that fails before it would reach a database. */
    private static final class NoDatabaseTransactions implements PlatformTransactionManager {

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }

    @Test
    void onlyAConnectionThatCannotBeOpened_countsAsAnUnreachableDatabase() {
        assertThat(ConnectionFailures.isUnreachable(new java.sql.SQLTransientConnectionException(
                "concert-db - Connection is not available, request timed out after 2000ms"))).isFalse();
        assertThat(ConnectionFailures.isUnreachable(new java.sql.SQLException("canceling statement", "57014"))).isFalse();
        assertThat(ConnectionFailures.isUnreachable(new RuntimeException(new java.sql.SQLTransientConnectionException(
                "timed out", "08001", new java.net.ConnectException("Connection refused"))))).isTrue();
        assertThat(ConnectionFailures.isUnreachable(new java.sql.SQLException("cannot connect now", "57P03"))).isTrue();
        assertThat(ConnectionFailures.isUnreachable(new java.sql.SQLException("terminating connection", "57P01")))
                .as("one connection ended: the next one may work").isFalse();
        assertThat(ConnectionFailures.isUnreachable(new java.sql.SQLException("I/O error", "08006")))
                .as("one socket broke").isFalse();
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
