package com.concert.bootstrap.jobs;

import com.concert.application.shared.DependencyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a piece of periodic work (queue admission, the hold sweeper) every {@code interval} on a thread of its
 * own, in every instance: the work itself is safe to run everywhere at once. Starts with the application and
 * stops before the connections close, letting a running round finish. A dependency that is down pauses the
 * work, logged once per outage, never the thread.
 */
public final class PeriodicJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final Duration interval;
    private final Runnable work;
    private ScheduledExecutorService executor;
    private volatile boolean unavailableReported;

    public PeriodicJob(String name, Duration interval, Runnable work) {
        this.name = name;
        this.interval = interval;
        this.work = work;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        executor.scheduleAtFixedRate(this::runOnce, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
        log.info("{} every {}", name, interval);
    }

    void runOnce() {
        try {
            work.run();
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
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
            log.info("{} stopped", name);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
