package com.concert.bootstrap.shutdown;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * The first thing a stopping instance does: it reports itself not ready and goes on serving for
 * {@code drainDelay}, long enough for the load balancer's next readiness check to take it out of rotation.
 * Only then does the web server's graceful shutdown stop accepting connections and wait for the requests
 * in flight, so that no request is sent to an instance that no longer listens.
 */
public final class TrafficDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TrafficDrain.class);

    private final ApplicationEventPublisher events;
    private final Duration drainDelay;
    private volatile boolean running;

    public TrafficDrain(ApplicationEventPublisher events, Duration drainDelay) {
        this.events = events;
        this.drainDelay = drainDelay;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        if (drainDelay.isPositive()) {
            log.info("Not ready; serving for {} more before the graceful shutdown", drainDelay);
            try {
                Thread.sleep(drainDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before everything else that stops, the web server's graceful shutdown included. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
