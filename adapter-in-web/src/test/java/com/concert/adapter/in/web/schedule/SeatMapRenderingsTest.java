package com.concert.adapter.in.web.schedule;

import com.concert.application.booking.port.in.SeatMap;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatId;
import com.concert.domain.seat.SeatStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.concert.adapter.in.web.schedule.SeatMaps.NOW;
import static com.concert.adapter.in.web.schedule.SeatMaps.at;
import static com.concert.adapter.in.web.schedule.SeatMaps.available;
import static com.concert.adapter.in.web.schedule.SeatMaps.gunzip;
import static com.concert.adapter.in.web.schedule.SeatMaps.held;
import static com.concert.adapter.in.web.schedule.SeatMaps.large;
import static com.concert.adapter.in.web.schedule.SeatMaps.map;
import static com.concert.adapter.in.web.schedule.SeatMaps.seat;
import static com.concert.adapter.in.web.schedule.SeatMaps.sold;
import static org.assertj.core.api.Assertions.assertThat;

class SeatMapRenderingsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Instant HOLD_ENDS = NOW.plusSeconds(40);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SeatMapRenderings renderings = new SeatMapRenderings(MAPPER, registry);

    private double renders() {
        return registry.get("concert.seat-map.renders").counter().count();
    }

    private static String json(SeatMapRenderings.Rendering rendering) {
        return new String(rendering.json(), StandardCharsets.UTF_8);
    }

    @Test
    void aRendering_isTheResponseRecordsJson_withTheStatusAtTheMapsMoment() {
        SeatMap map = map(1, NOW,
                seat(1, "VIP", 150_000, SeatStatus.AVAILABLE, null),
                held(2, HOLD_ENDS),
                sold(3),
                held(4, NOW.minusSeconds(1)));

        SeatMapRenderings.Rendering rendering = renderings.of(map);

        assertThat(json(rendering)).isEqualTo("""
                {"scheduleId":11,"seats":[\
                {"id":501,"number":1,"grade":"VIP","price":150000,"status":"AVAILABLE"},\
                {"id":502,"number":2,"grade":"R","price":110000,"status":"HELD"},\
                {"id":503,"number":3,"grade":"R","price":110000,"status":"SOLD"},\
                {"id":504,"number":4,"grade":"R","price":110000,"status":"AVAILABLE"}]}""");
        assertThat(rendering.json()).isEqualTo(MAPPER.writeValueAsBytes(SeatMapResponse.of(map)));
    }

    @Test
    void aRendering_answersItsRead_untilTheEarliestRunningHoldEnds_thenTheNextRequestRendersAgain() {
        SeatMap first = map(1, NOW, available(1), held(2, HOLD_ENDS), held(3, HOLD_ENDS.plusSeconds(60)));

        SeatMapRenderings.Rendering rendered = renderings.of(first);
        SeatMapRenderings.Rendering justBefore = renderings.of(at(first, HOLD_ENDS.minusNanos(1000)));
        SeatMapRenderings.Rendering atTheDeadline = renderings.of(at(first, HOLD_ENDS));

        assertThat(justBefore).isSameAs(rendered);
        assertThat(atTheDeadline).isNotSameAs(rendered);
        assertThat(json(rendered)).contains("\"id\":502,\"number\":2,\"grade\":\"R\",\"price\":110000,\"status\":\"HELD\"");
        assertThat(json(atTheDeadline))
                .contains("\"id\":502,\"number\":2,\"grade\":\"R\",\"price\":110000,\"status\":\"AVAILABLE\"")
                .contains("\"id\":503,\"number\":3,\"grade\":\"R\",\"price\":110000,\"status\":\"HELD\"");
        assertThat(atTheDeadline.span()).isEqualTo(new SeatMap.Span(HOLD_ENDS, HOLD_ENDS.plusSeconds(60)));
        assertThat(renderings.of(at(first, HOLD_ENDS.plusSeconds(1))))
                .as("kept in its place").isSameAs(atTheDeadline);
        assertThat(renders()).isEqualTo(2);
    }

    @Test
    void withoutRunningHolds_aRenderingAnswersItsReadAtAnyLaterMoment() {
        SeatMapRenderings.Rendering rendered = renderings.of(map(1, NOW, available(1), sold(2)));

        assertThat(renderings.of(map(1, NOW.plus(Duration.ofDays(1)), available(1), sold(2)))).isSameAs(rendered);
        assertThat(renders()).isEqualTo(1);
    }

    @Test
    void aLaterRead_rendersAgain_andARequestWithAnEarlierReadIsAnsweredByTheLaterRendering() {
        SeatMapRenderings.Rendering older = renderings.of(map(1, NOW, available(1), available(2)));

        SeatMapRenderings.Rendering newer = renderings.of(map(2, NOW.plusMillis(1), sold(1), available(2)));
        SeatMapRenderings.Rendering straggler = renderings.of(map(1, NOW.plusMillis(2), available(1), available(2)));

        assertThat(newer).isNotSameAs(older);
        assertThat(json(newer)).contains("\"id\":501,\"number\":1,\"grade\":\"R\",\"price\":110000,\"status\":\"SOLD\"");
        assertThat(straggler).as("a later read lags less").isSameAs(newer);
        assertThat(renders()).isEqualTo(2);
    }

    @Test
    void aRequestFromBeforeTheKeptSpan_getsItsOwnRendering_andTheKeptOneStays() {
        SeatMapRenderings.Rendering kept = renderings.of(map(1, HOLD_ENDS.plusSeconds(5), held(1, HOLD_ENDS)));

        SeatMapRenderings.Rendering earlier = renderings.of(map(1, NOW, held(1, HOLD_ENDS)));

        assertThat(json(kept)).contains("\"status\":\"AVAILABLE\"");
        assertThat(json(earlier)).contains("\"status\":\"HELD\"");
        assertThat(renderings.of(map(1, HOLD_ENDS.plusSeconds(6), held(1, HOLD_ENDS)))).isSameAs(kept);
        assertThat(renders()).isEqualTo(2);
    }

    @Test
    void eachScheduleHasRenderingsOfItsOwn() {
        SeatMap eleven = map(1, NOW, available(1));
        ScheduleId other = new ScheduleId(12);
        SeatMap twelve = new SeatMap(other, NOW, 2,
                List.of(Seat.restore(new SeatId(900), other, 1, "R", 1_000, SeatStatus.SOLD, null)));

        SeatMapRenderings.Rendering first = renderings.of(eleven);
        renderings.of(twelve);

        assertThat(renderings.of(eleven)).isSameAs(first);
        assertThat(json(renderings.of(twelve))).startsWith("{\"scheduleId\":12,");
        assertThat(renders()).isEqualTo(2);
    }

    @Test
    void concurrentRequestsWithoutARendering_renderOnce() throws Exception {
        SeatMap map = large(7, NOW, 5_000, HOLD_ENDS);
        int threads = 64;
        CountDownLatch start = new CountDownLatch(1);
        Set<SeatMapRenderings.Rendering> seen = ConcurrentHashMap.newKeySet();
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    seen.add(renderings.of(map));
                    seen.add(renderings.of(map));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }

        assertThat(seen).hasSize(1);
        assertThat(renders()).isEqualTo(1);
    }

    @Test
    void theGzipForm_decompressesToTheJson_isSmaller_andIsMadeOnce() {
        SeatMapRenderings.Rendering rendering = renderings.of(large(1, NOW, 2_000, HOLD_ENDS));

        byte[] gzip = rendering.gzip();

        assertThat(gunzip(gzip)).isEqualTo(json(rendering));
        assertThat(gzip.length).isLessThan(rendering.json().length / 5);
        assertThat(rendering.gzip()).isSameAs(gzip);
    }
}
