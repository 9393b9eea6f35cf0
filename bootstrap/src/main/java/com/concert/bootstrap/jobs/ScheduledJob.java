package com.concert.bootstrap.jobs;

import com.concert.application.shared.DependencyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A piece of periodic work (queue admission, the hold sweeper), run every {@code interval} by Spring's scheduler
 * ({@link JobScheduling}), on one instance per period when {@code oneInstancePerPeriod} (through ShedLock), else
 * on every instance. What the scheduler and the lock do not do, this does: a dependency that is down pauses the
 * work, logged once per outage, never the schedule; and on shutdown a running round finishes before the
 * connections it uses close (this bean is destroyed before the beans its work depends on).
 */
public final class ScheduledJob implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJob.class);
    private static final Duration FINISH_WITHIN = Duration.ofSeconds(5);

    private final String name;
    private final Duration interval;
    private final boolean oneInstancePerPeriod;
    private final Runnable work;
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean stopped;
    private volatile boolean unavailableReported;

    public ScheduledJob(String name, Duration interval, boolean oneInstancePerPeriod, Runnable work) {
        this.name = Objects.requireNonNull(name);
        this.interval = Objects.requireNonNull(interval);
        this.oneInstancePerPeriod = oneInstancePerPeriod;
        this.work = Objects.requireNonNull(work);
    }

    public String name() {
        return name;
    }

    public Duration interval() {
        return interval;
    }

    public boolean oneInstancePerPeriod() {
        return oneInstancePerPeriod;
    }

    Runnable work() {
        return work;
    }

    /** One round as the scheduler calls it: {@code round} is the work, under the lock when there is one. */
    void runOnce(Runnable round) {
        if (stopped || !running.tryLock()) {
            return;
        }
        try {
            if (stopped) {
                return;
            }
            round.run();
            if (unavailableReported) {
                unavailableReported = false;
                log.info("{} resumed", name);
            }
        } catch (DependencyUnavailableException e) {
            if (!unavailableReported) {
                unavailableReported = true;
                log.warn("{} paused: {}", name, e.getMessage());
            }
        } catch (RuntimeException e) {
            log.error("{} failed", name, e);
        } finally {
            running.unlock();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopped = true;
        if (running.tryLock(FINISH_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
            running.unlock();
        } else {
            log.warn("{} did not finish its round within {}", name, FINISH_WITHIN);
        }
        log.info("{} stopped", name);
    }
}
