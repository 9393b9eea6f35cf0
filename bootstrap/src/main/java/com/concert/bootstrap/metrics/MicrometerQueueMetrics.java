package com.concert.bootstrap.metrics;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.queue.AdmissionResult;
import com.concert.domain.queue.QueueMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per concert: {@code concert.queue.waiting} and {@code concert.queue.active} gauges as of the last admission
 * tick this instance ran, and {@code concert.queue.admitted} and {@code concert.queue.expired} counters; beside
 * them {@code concert.queue.ticks}, the ticks this instance ran, so that admissions per tick is the increase of
 * the one over the increase of the other. With several instances, the one holding the admission lease reports;
 * sum the counters and take the newest gauges across instances.
 * <p>
 * Only concerts in line have meters: those of a concert that a tick no longer visits (nobody waiting or active)
 * are removed, so the number of series follows the concerts on sale now, not every concert that ever had a line.
 */
public final class MicrometerQueueMetrics implements QueueMetrics {

    private final MeterRegistry registry;
    private final Counter ticks;
    private final Map<ConcertId, ConcertMeters> meters = new ConcurrentHashMap<>();

    public MicrometerQueueMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.ticks = Counter.builder("concert.queue.ticks")
                .description("admission ticks this instance ran").register(registry);
    }

    private final class ConcertMeters {
        final AtomicLong waiting = new AtomicLong();
        final AtomicLong active = new AtomicLong();
        final Counter admitted;
        final Counter expired;
        final List<Meter> all;

        ConcertMeters(ConcertId concert) {
            String tag = concert.toString();
            Gauge waitingGauge = Gauge.builder("concert.queue.waiting", waiting, AtomicLong::get).tag("concert", tag)
                    .description("users waiting in line").register(registry);
            Gauge activeGauge = Gauge.builder("concert.queue.active", active, AtomicLong::get).tag("concert", tag)
                    .description("admitted users whose slot has not ended").register(registry);
            admitted = Counter.builder("concert.queue.admitted").tag("concert", tag)
                    .description("users moved from waiting to active").register(registry);
            expired = Counter.builder("concert.queue.expired").tag("concert", tag)
                    .description("active slots that ran out unused").register(registry);
            all = List.of(waitingGauge, activeGauge, admitted, expired);
        }
    }

    @Override
    public void recorded(List<AdmissionResult> tick) {
        ticks.increment();
        Set<ConcertId> inLine = new HashSet<>();
        for (AdmissionResult result : tick) {
            inLine.add(result.concertId());
            ConcertMeters concert = meters.computeIfAbsent(result.concertId(), ConcertMeters::new);
            concert.waiting.set(result.waiting());
            concert.active.set(result.active());
            concert.admitted.increment(result.admitted());
            concert.expired.increment(result.expired());
        }
        meters.entrySet().removeIf(entry -> {
            if (inLine.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().all.forEach(registry::remove);
            return true;
        });
    }
}
