package com.concert.bootstrap.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a load balancer does in front of several instances: checks each one's readiness every
 * {@code checkInterval} and sends each request to the next instance that last answered ready.
 */
public final class Balancer implements AutoCloseable {

    private static final class Backend {

        final ChildService service;
        volatile boolean ready;

        Backend(ChildService service) {
            this.service = service;
        }
    }

    private final List<Backend> backends = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor();

    public Balancer(Duration checkInterval) {
        checks.scheduleWithFixedDelay(this::check, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void add(ChildService service) {
        backends.add(new Backend(service));
    }

    public void remove(ChildService service) {
        backends.removeIf(backend -> backend.service == service);
    }

    /** The instance for the next request; waits (up to 30 s) while none is ready. */
    public Api api() {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            List<Backend> ready = backends.stream().filter(backend -> backend.ready).toList();
            if (!ready.isEmpty()) {
                return ready.get(Math.floorMod(next.getAndIncrement(), ready.size())).service.api();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no instance was ready for 30 s");
    }

    private void check() {
        for (Backend backend : backends) {
            try {
                backend.ready = backend.service.api().get("/readyz").send().status() == 200;
            } catch (RuntimeException unreachable) {
                backend.ready = false;
            }
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
