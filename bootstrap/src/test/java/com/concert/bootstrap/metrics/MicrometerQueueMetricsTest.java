package com.concert.bootstrap.metrics;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.queue.AdmissionResult;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerQueueMetricsTest {

    private static final ConcertId ONE = new ConcertId(1);
    private static final ConcertId TWO = new ConcertId(2);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerQueueMetrics metrics = new MicrometerQueueMetrics(registry);

    @Test
    void aTick_setsTheGaugesAndAddsToTheCounters_ofEachConcertInLine() {
        metrics.recorded(List.of(new AdmissionResult(ONE, 3, 0, 7, 3), new AdmissionResult(TWO, 1, 0, 0, 1)));
        metrics.recorded(List.of(new AdmissionResult(ONE, 2, 1, 5, 4), new AdmissionResult(TWO, 0, 1, 0, 0)));

        assertThat(registry.get("concert.queue.waiting").tag("concert", "1").gauge().value()).isEqualTo(5);
        assertThat(registry.get("concert.queue.active").tag("concert", "1").gauge().value()).isEqualTo(4);
        assertThat(registry.get("concert.queue.admitted").tag("concert", "1").counter().count()).isEqualTo(5);
        assertThat(registry.get("concert.queue.expired").tag("concert", "2").counter().count()).isEqualTo(1);
        assertThat(registry.get("concert.queue.ticks").counter().count()).isEqualTo(2);
    }

    @Test
    void aConcertNoLongerInLine_losesItsMeters_soSeriesFollowTheLiveLines() {
        metrics.recorded(List.of(new AdmissionResult(ONE, 1, 0, 0, 1), new AdmissionResult(TWO, 1, 0, 0, 1)));
        metrics.recorded(List.of(new AdmissionResult(ONE, 0, 0, 0, 1)));

        assertThat(Search.in(registry).tag("concert", "2").meters()).isEmpty();
        assertThat(Search.in(registry).tag("concert", "1").meters()).hasSize(4);

        metrics.recorded(List.of());
        assertThat(Search.in(registry).tag("concert", "1").meters()).isEmpty();
        assertThat(registry.get("concert.queue.ticks").counter().count()).as("a tick with nobody in line").isEqualTo(3);

        metrics.recorded(List.of(new AdmissionResult(TWO, 2, 0, 0, 2)));
        assertThat(registry.get("concert.queue.admitted").tag("concert", "2").counter().count())
                .as("a line that forms again starts its meters afresh").isEqualTo(2);
    }
}
