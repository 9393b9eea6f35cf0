package com.concert.adapter.out.persistence.shared;

import com.concert.application.shared.DependencyUnavailableException;
import com.concert.application.shared.TransactionRunner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    private final TransactionTemplate readWrite;
    private final TransactionTemplate readOnly;
    private final DatabaseBreaker breaker;
    private final ServerProbe server;

    @Autowired
    SpringTransactionRunner(PlatformTransactionManager transactionManager, DataSource dataSource) {
        this(transactionManager, new DatabaseBreaker(PROBE_INTERVAL, System::nanoTime), ServerProbe.of(dataSource));
    }

    SpringTransactionRunner(PlatformTransactionManager transactionManager, DatabaseBreaker breaker, ServerProbe server) {
        this.breaker = breaker;
        this.server = server;
        this.readWrite = new TransactionTemplate(transactionManager);
        this.readWrite.setTimeout((int) TIMEOUT.toSeconds());
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.readOnly.setTimeout((int) TIMEOUT.toSeconds());
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run(readWrite, work);
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return run(readOnly, work);
    }

    private <T> T run(TransactionTemplate template, Supplier<T> work) {
        DatabaseBreaker.Permit permit = breaker.permit();
        if (permit == null) {
            throw new DependencyUnavailableException("The database", null);
        }
        try {
            T result = execute(template, work);
            breaker.reached(permit);
            return result;
        } catch (RuntimeException e) {
            // a connection that broke may be the first sign of a server that is gone: ask it directly, instead of
            // letting the next requests find out by waiting out the pool's connection timeout one by one
            if (ConnectionFailures.isUnreachable(e) || (ConnectionFailures.isBrokenConnection(e) && !server.answers())) {
                breaker.unreachable(permit);
            } else {
                breaker.reached(permit);
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
}
