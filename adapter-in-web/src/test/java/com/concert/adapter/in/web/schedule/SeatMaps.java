package com.concert.adapter.in.web.schedule;

import com.concert.application.booking.port.in.SeatMap;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatId;
import com.concert.domain.seat.SeatStatus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Seat maps for the web tests: schedule 11, seats from id 501 numbered from 1. */
final class SeatMaps {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final ScheduleId SCHEDULE = new ScheduleId(11);

    private SeatMaps() {
    }

    static Seat seat(int number, String grade, long price, SeatStatus status, Instant holdUntil) {
        return Seat.restore(new SeatId(500 + number), SCHEDULE, number, grade, price, status, holdUntil);
    }

    static Seat available(int number) {
        return seat(number, "R", 110_000, SeatStatus.AVAILABLE, null);
    }

    static Seat held(int number, Instant until) {
        return seat(number, "R", 110_000, SeatStatus.HELD, until);
    }

    static Seat sold(int number) {
        return seat(number, "R", 110_000, SeatStatus.SOLD, null);
    }

    static SeatMap map(long read, Instant at, Seat... seats) {
        return new SeatMap(SCHEDULE, at, read, List.of(seats));
    }

    /** The same read of the same seats, judged at another moment. */
    static SeatMap at(SeatMap map, Instant at) {
        return new SeatMap(map.scheduleId(), at, map.read(), map.seats());
    }

    /** {@code count} available seats, every tenth held until {@code holdUntil}. */
    static SeatMap large(long read, Instant at, int count, Instant holdUntil) {
        List<Seat> seats = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            seats.add(number % 10 == 0 ? held(number, holdUntil) : available(number));
        }
        return new SeatMap(SCHEDULE, at, read, seats);
    }

    static String gunzip(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
