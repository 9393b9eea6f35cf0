package com.concert.adapter.in.web.schedule;

import com.concert.application.booking.port.in.SeatMap;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The body of the seat map: every seat by number, with the status a client is told at the map's moment. */
record SeatMapResponse(long scheduleId, List<SeatResponse> seats) {

    record SeatResponse(long id, int number, String grade, long price,
                        @Schema(allowableValues = {"AVAILABLE", "HELD", "SOLD"}) String status) {
    }

    static SeatMapResponse of(SeatMap map) {
        return new SeatMapResponse(map.scheduleId().value(), map.seats().stream()
                .map(s -> new SeatResponse(s.id().value(), s.number(), s.grade(), s.price(), map.statusOf(s).name()))
                .toList());
    }
}
