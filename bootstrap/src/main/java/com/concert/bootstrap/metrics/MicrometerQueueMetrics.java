package com.concert.bootstrap.metrics;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.queue.AdmissionResult;
import com.concert.domain.queue.QueueMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per concert: {@code concert.queue.waiting} and {@code concert.queue.active} gauges as of the last admission
 * tick this instance ran, and {@code concert.queue.admitted} and {@code concert.queue.expired} counters. With
 * several instances, the one holding the admission lease reports; sum the counters and take the newest
 * gauges across instances.
 */
public final class MicrometerQueueMetrics implements QueueMetrics {

    private final MeterRegistry registry;
    private final Map<ConcertId, ConcertMeters> meters = new ConcurrentHashMap<>();

    public MicrometerQueueMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private final class ConcertMeters {
        final AtomicLong waiting = new AtomicLong();
        final AtomicLong active = new AtomicLong();
        final Counter admitted;
        final Counter expired;

        ConcertMeters(ConcertId concert) {
            String tag = concert.toString();
            Gauge.builder("concert.queue.waiting", waiting, AtomicLong::get).tag("concert", tag)
                    .description("users waiting in line").register(registry);
            Gauge.builder("concert.queue.active", active, AtomicLong::get).tag("concert", tag)
                    .description("admitted users whose slot has not ended").register(registry);
            admitted = Counter.builder("concert.queue.admitted").tag("concert", tag)
                    .description("users moved from waiting to active").register(registry);
            expired = Counter.builder("concert.queue.expired").tag("concert", tag)
                    .description("active slots that ran out unused").register(registry);
        }
    }

    @Override
    public void recorded(AdmissionResult result) {
        ConcertMeters concert = meters.computeIfAbsent(result.concertId(), ConcertMeters::new);
        concert.waiting.set(result.waiting());
        concert.active.set(result.active());
        concert.admitted.increment(result.admitted());
        concert.expired.increment(result.expired());
    }
}
