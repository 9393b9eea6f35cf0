package com.concert.bootstrap.queue;

import com.concert.application.port.in.AdmitWaitingUsersUseCase;
import com.concert.domain.shared.DependencyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs an admission tick every {@code concert.queue.admit-interval} on one thread of its own, in every
 * instance (the use case's lease keeps all but one idle). Starts with the application and stops before the
 * connections close, letting a running tick finish.
 */
public final class AdmissionScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AdmissionScheduler.class);

    private final AdmitWaitingUsersUseCase admission;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private volatile boolean unavailableReported;

    public AdmissionScheduler(AdmitWaitingUsersUseCase admission, Duration interval) {
        this.admission = admission;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("queue-admission").daemon().factory());
        executor.scheduleAtFixedRate(this::tick, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
        log.info("Queue admission every {}", interval);
    }

    void tick() {
        try {
            admission.admitWaitingUsers();
            if (unavailableReported) {
                unavailableReported = false;
                log.info("Queue admission resumed");
            }
        } catch (DependencyUnavailableException e) {
            // once per outage, not once per tick
            if (!unavailableReported) {
                unavailableReported = true;
                log.warn("Queue admission paused: {}", e.getMessage());
            }
        } catch (RuntimeException e) {
            log.error("Queue admission tick failed", e);
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
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
