package com.concert.adapter.in.web.schedule;

import com.concert.adapter.in.web.support.Headers;
import com.concert.adapter.in.web.support.PathIds;
import com.concert.application.booking.port.in.ConcertSchedules;
import com.concert.application.booking.port.in.GetBookableSchedulesUseCase;
import com.concert.application.booking.port.in.GetSeatMapUseCase;
import com.concert.application.booking.port.in.SeatMapQuery;
import com.concert.application.queue.port.in.GatedConcertQuery;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.Schedule;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.shared.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
    private final SeatMapRenderings renderings;

    ScheduleController(GetBookableSchedulesUseCase bookableSchedules, GetSeatMapUseCase seatMap,
                       SeatMapRenderings renderings) {
        this.bookableSchedules = bookableSchedules;
        this.seatMap = seatMap;
        this.renderings = renderings;
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

    @GetMapping
    @Operation(summary = "The performances open for booking, with the seats each has left")
    SchedulesResponse schedules(@PathVariable @Positive(message = PathIds.MUST_BE_POSITIVE) long concertId, UserId user,
                                @RequestHeader(name = Headers.QUEUE_TOKEN, required = false) String token) {
        ConcertSchedules result = bookableSchedules.schedules(new GatedConcertQuery(new ConcertId(concertId), user, token));
        return new SchedulesResponse(result.concertId().value(),
                result.schedules().stream().map(ScheduleResponse::of).toList());
    }

    /**
     * The token is checked and the seats are read on every request, as before; only the JSON is kept, per copy
     * of the seats ({@link SeatMapRenderings}), and sent gzip-compressed to a client that accepts it.
     */
    @GetMapping("/{scheduleId}/seats")
    @Operation(summary = "Every seat of one performance",
            description = "status is AVAILABLE, HELD or SOLD; a hold that has run out reads AVAILABLE. "
                    + "Sent gzip-compressed (Content-Encoding: gzip) when the request's Accept-Encoding names gzip.")
    @ApiResponse(responseCode = "200", description = "The seat map",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SeatMapResponse.class)))
    ResponseEntity<byte[]> seats(@PathVariable @Positive(message = PathIds.MUST_BE_POSITIVE) long concertId,
                                 @PathVariable @Positive(message = PathIds.MUST_BE_POSITIVE) long scheduleId,
                                 UserId user,
                                 @RequestHeader(name = Headers.QUEUE_TOKEN, required = false) String token,
                                 @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false)
                                 List<String> acceptEncoding) {
        SeatMapRenderings.Rendering rendering = renderings.of(seatMap.seatMap(new SeatMapQuery(
                new GatedConcertQuery(new ConcertId(concertId), user, token), new ScheduleId(scheduleId))));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .varyBy(HttpHeaders.ACCEPT_ENCODING);
        if (AcceptEncoding.acceptsGzip(acceptEncoding)) {
            return ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(rendering.gzip());
        }
        return ok.body(rendering.json());
    }
}
