package com.concert.adapter.out.persistence.shared;

import com.concert.application.shared.DependencyUnavailableException;
import com.concert.application.shared.TransactionRunner;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * {@link TransactionRunner} on Spring's transaction manager, in READ COMMITTED (PostgreSQL's default): the
 * services' hot writes are single conditional statements, which that level makes exact.
 */
@Component
class SpringTransactionRunner implements TransactionRunner {

    /** No request may wait on the database longer than this; statements past it are cancelled. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How long transactions are refused at once after the database was found unreachable, between probes. */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    private static final RuntimeException SERVER_GONE = new ServerGone();

    private final TransactionTemplate readWrite;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate single;
    private final DataSource dataSource;
    private final CircuitBreaker breaker;
    private final ServerProbe server;

    @Autowired
    SpringTransactionRunner(PlatformTransactionManager transactionManager, DataSource dataSource,
                            ObjectProvider<MeterRegistry> meters) {
        this(transactionManager, dataSource,
                DatabaseBreaker.create(PROBE_INTERVAL, Clock.systemUTC(), meters.getIfAvailable()),
                ServerProbe.of(dataSource));
    }

    SpringTransactionRunner(PlatformTransactionManager transactionManager, CircuitBreaker breaker, ServerProbe server) {
        this(transactionManager, transactionManager instanceof DataSourceTransactionManager manager
                ? manager.getDataSource() : null, breaker, server);
    }

    /** {@code dataSource} is the one the manager's transactions use, or null where there is none. */
    SpringTransactionRunner(PlatformTransactionManager transactionManager, DataSource dataSource,
                            CircuitBreaker breaker, ServerProbe server) {
        this.dataSource = dataSource;
        this.breaker = breaker;
        this.server = server;
        this.readWrite = new TransactionTemplate(transactionManager);
        this.readWrite.setTimeout((int) TIMEOUT.toSeconds());
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.readOnly.setTimeout((int) TIMEOUT.toSeconds());
        // no transaction of its own: statements run in auto-commit, each committing as it completes
        this.single = new TransactionTemplate(transactionManager);
        this.single.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run(readWrite, work);
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return run(readOnly, work);
    }

    @Override
    public <T> T singleCall(Supplier<T> work) {
        return run(single, () -> {
            if (dataSource == null || TransactionSynchronizationManager.isActualTransactionActive()) {
                return work.get();
            }
            // Without a transaction Spring sets no deadline: bind the connection for the call with the same
            // TIMEOUT, which every statement of the work then gets as its query timeout.
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                ((ConnectionHolder) TransactionSynchronizationManager.getResource(dataSource))
                        .setTimeoutInSeconds((int) TIMEOUT.toSeconds());
                return work.get();
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
    }

    private <T> T run(TransactionTemplate template, Supplier<T> work) {
        if (!breaker.tryAcquirePermission()) {
            throw new DependencyUnavailableException("The database", null);
        }
        // the probe after an outage: a server that still refuses connections is found by a TCP connect, not by
        // waiting out the pool's connection timeout (the pool keeps retrying a refused connect until then)
        if (breaker.getState() == CircuitBreaker.State.HALF_OPEN && !server.answers()) {
            breaker.onError(0, breaker.getTimestampUnit(), SERVER_GONE);
            throw new DependencyUnavailableException("The database", null);
        }
        long start = breaker.getCurrentTimestamp();
        try {
            T result = execute(template, work);
            breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
            return result;
        } catch (RuntimeException e) {
            long took = breaker.getCurrentTimestamp() - start;
            // a connection that broke may be the first sign of a server that is gone: ask it directly, instead of
            // letting the next requests find out by waiting out the pool's connection timeout one by one
            if (ConnectionFailures.isUnreachable(e) || (ConnectionFailures.isBrokenConnection(e) && !server.answers())) {
                breaker.onError(took, breaker.getTimestampUnit(), e);
            } else {
                // the database answered, whatever the answer was
                breaker.onSuccess(took, breaker.getTimestampUnit());
            }
            throw e;
        }
    }

    private static <T> T execute(TransactionTemplate template, Supplier<T> work) {
        // A broken connection usually breaks the rollback too, and Spring then throws the rollback's failure
        // instead of the work's: remember that the work itself lost the database.
        AtomicReference<DependencyUnavailableException> lost = new AtomicReference<>();
        try {
            return template.execute(status -> {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    if (ConnectionFailures.isConnectionFailure(e)) {
                        lost.set(unavailable(e));
                        throw lost.get();
                    }
                    throw e;
                }
            });
        } catch (RuntimeException e) {
            if (lost.get() != null) {
                throw lost.get();
            }
            if (e instanceof DependencyUnavailableException || !ConnectionFailures.isConnectionFailure(e)) {
                throw e;
            }
            throw unavailable(e);
        }
    }

    private static DependencyUnavailableException unavailable(Throwable cause) {
        return new DependencyUnavailableException("The database", cause);
    }

    /** What the breaker records for a probe whose server refused a plain TCP connect. */
    private static final class ServerGone extends RuntimeException {
        ServerGone() {
            super("The database server does not accept connections", null, false, false);
        }
    }
}
