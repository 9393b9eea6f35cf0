package com.concert.adapter.in.web.schedule;

import com.concert.adapter.in.web.support.Headers;
import com.concert.adapter.in.web.support.PathIds;
import com.concert.application.booking.port.in.ConcertSchedules;
import com.concert.application.booking.port.in.GetBookableSchedulesUseCase;
import com.concert.application.booking.port.in.GetSeatMapUseCase;
import com.concert.application.booking.port.in.SeatMap;
import com.concert.application.booking.port.in.SeatMapQuery;
import com.concert.application.queue.port.in.GatedConcertQuery;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.Schedule;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.shared.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/v1/concerts/{concertId}/schedules")
@Tag(name = "Schedules and seats", description = "Behind the queue: an ACTIVE token for the concert")
class ScheduleController {

    private final GetBookableSchedulesUseCase bookableSchedules;
    private final GetSeatMapUseCase seatMap;

    ScheduleController(GetBookableSchedulesUseCase bookableSchedules, GetSeatMapUseCase seatMap) {
        this.bookableSchedules = bookableSchedules;
        this.seatMap = seatMap;
    }

    record ScheduleResponse(long id, Instant performanceAt, Instant bookingOpensAt, Instant bookingClosesAt,
                            int totalSeats, int availableSeats) {

        static ScheduleResponse of(ConcertSchedules.Availability availability) {
            Schedule s = availability.schedule();
            return new ScheduleResponse(s.id().value(), s.performanceAt(), s.bookingWindow().opensAt(),
                    s.bookingWindow().closesAt(), s.totalSeats(), availability.availableSeats());
        }
    }

    record SchedulesResponse(long concertId, List<ScheduleResponse> schedules) {
    }

    record SeatResponse(long id, int number, String grade, long price,
                        @Schema(allowableValues = {"AVAILABLE", "HELD", "SOLD"}) String status) {
    }

    record SeatMapResponse(long scheduleId, List<SeatResponse> seats) {

        static SeatMapResponse of(SeatMap map) {
            return new SeatMapResponse(map.scheduleId().value(), map.seats().stream()
                    .map(s -> new SeatResponse(s.id().value(), s.number(), s.grade(), s.price(), map.statusOf(s).name()))
                    .toList());
        }
    }

    @GetMapping
    @Operation(summary = "The performances open for booking, with the seats each has left")
    SchedulesResponse schedules(@PathVariable @Positive(message = PathIds.MUST_BE_POSITIVE) long concertId, UserId user,
                                @RequestHeader(name = Headers.QUEUE_TOKEN, required = false) String token) {
        ConcertSchedules result = bookableSchedules.schedules(new GatedConcertQuery(new ConcertId(concertId), user, token));
        return new SchedulesResponse(result.concertId().value(),
                result.schedules().stream().map(ScheduleResponse::of).toList());
    }

    @GetMapping("/{scheduleId}/seats")
    @Operation(summary = "Every seat of one performance",
            description = "status is AVAILABLE, HELD or SOLD; a hold that has run out reads AVAILABLE.")
    SeatMapResponse seats(@PathVariable @Positive(message = PathIds.MUST_BE_POSITIVE) long concertId,
                          @PathVariable @Positive(message = PathIds.MUST_BE_POSITIVE) long scheduleId, UserId user,
                          @RequestHeader(name = Headers.QUEUE_TOKEN, required = false) String token) {
        return SeatMapResponse.of(seatMap.seatMap(new SeatMapQuery(
                new GatedConcertQuery(new ConcertId(concertId), user, token), new ScheduleId(scheduleId))));
    }
}
