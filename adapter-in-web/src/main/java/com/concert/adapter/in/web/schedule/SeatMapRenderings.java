package com.concert.adapter.in.web.schedule;

import com.concert.application.booking.port.in.SeatMap;
import com.concert.domain.concert.ScheduleId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The seat map's response bytes, rendered once per copy of a schedule's seats and written as they are to every
 * request the copy answers: a map of thousands of seats costs one serialisation per copy, not one per request.
 * <p>
 * A rendering answers a {@link SeatMap} when it was made from the same read of the seats or a later one (the
 * repository answers a copy for at most the lag the contract allows, so a rendering of a read it still answers,
 * or of a later read, lags no more), and when the map's moment lies in the span in which every seat of the
 * rendering reads as it did when it was rendered ({@link SeatMap#unchanged()}): the moment the earliest running
 * hold runs out, the seat reads AVAILABLE, so the rendering ends there and the next request renders again.
 * Concurrent requests that find no rendering for their map render once: the others wait for it. A request whose
 * moment is older than the kept rendering's span, or whose read is older than the kept one's, renders for itself
 * and keeps nothing.
 * <p>
 * The gzip form is made the first time a request that accepts it asks, once per rendering. The renderings are
 * the latest per schedule, dropped when no request has asked for them for {@link #IDLE}, and at most
 * {@link #MAX_BYTES} of JSON in all. {@code concert.seat-map.renders} counts the renderings made (compare with
 * the requests of the seat map for how often one answers).
 */
@Component
class SeatMapRenderings {

    static final Duration IDLE = Duration.ofSeconds(10);
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final ObjectWriter writer;
    private final Cache<ScheduleId, Rendering> latest;
    private final Counter renders;

    @Autowired
    SeatMapRenderings(JsonMapper mapper, ObjectProvider<MeterRegistry> registry) {
        this(mapper, registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    SeatMapRenderings(JsonMapper mapper, MeterRegistry registry) {
        // the mapper the message converters write with, so the bytes are the ones the response record gave
        this.writer = mapper.writerFor(SeatMapResponse.class);
        this.latest = Caffeine.newBuilder()
                .expireAfterAccess(IDLE)
                .maximumWeight(MAX_BYTES)
                .weigher((ScheduleId schedule, Rendering rendering) -> rendering.json().length)
                .build();
        this.renders = Counter.builder("concert.seat-map.renders")
                .description("seat maps serialised to JSON; the other requests were answered with kept bytes")
                .register(registry);
    }

    /**
     * A rendering that answers {@code map}: of its read or a later one, with every seat reading at the map's
     * moment as it reads in the bytes.
     */
    Rendering of(SeatMap map) {
        Rendering kept = latest.getIfPresent(map.scheduleId());
        if (kept != null && kept.answers(map)) {
            return kept;
        }
        Rendering now = latest.asMap().compute(map.scheduleId(),
                (schedule, old) -> old != null && (old.answers(map) || !old.replaceableBy(map)) ? old : render(map));
        return now.answers(map) ? now : render(map);
    }

    private Rendering render(SeatMap map) {
        renders.increment();
        return new Rendering(map.read(), map.unchanged(), writer.writeValueAsBytes(SeatMapResponse.of(map)));
    }

    /** The JSON of one seat map, valid for maps of read {@code read} or earlier at any moment in {@code span}. */
    static final class Rendering {

        private final long read;
        private final SeatMap.Span span;
        private final byte[] json;
        private volatile byte[] gzip;

        Rendering(long read, SeatMap.Span span, byte[] json) {
            this.read = read;
            this.span = span;
            this.json = json;
        }

        boolean answers(SeatMap map) {
            return read >= map.read() && span.contains(map.at());
        }

        /** Whether a rendering of {@code map} is the better one to keep: of a later read, or later in time. */
        boolean replaceableBy(SeatMap map) {
            return map.read() > read || (map.read() == read && !map.at().isBefore(span.until()));
        }

        SeatMap.Span span() {
            return span;
        }

        /** The JSON; never to be changed by the caller. */
        byte[] json() {
            return json;
        }

        /** The JSON gzip-compressed, made on the first call. */
        byte[] gzip() {
            byte[] compressed = gzip;
            if (compressed == null) {
                synchronized (this) {
                    compressed = gzip;
                    if (compressed == null) {
                        compressed = compress(json);
                        gzip = compressed;
                    }
                }
            }
            return compressed;
        }

        private static byte[] compress(byte[] json) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 8 + 64);
            // once per rendering, written to every request: the smallest output is worth the time
            try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                gzip.write(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
