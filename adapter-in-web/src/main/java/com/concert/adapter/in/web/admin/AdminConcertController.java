package com.concert.adapter.in.web.admin;

import com.concert.application.catalog.port.in.CreateConcertUseCase;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.Schedule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/v1/admin/concerts")
@Tag(name = "Operators", description = "Needs a bearer token with the scope concert:admin (else 403 FORBIDDEN)")
class AdminConcertController {

    private final CreateConcertUseCase createConcert;

    AdminConcertController(CreateConcertUseCase createConcert) {
        this.createConcert = createConcert;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a concert with its performances and seats")
    CreatedConcertResponse create(@RequestBody CreateConcertRequest request) {
        return CreatedConcertResponse.of(createConcert.create(request.toCommand()));
    }

    record CreatedScheduleResponse(long id, Instant performanceAt, Instant bookingOpensAt, Instant bookingClosesAt,
                                   int totalSeats) {
    }

    record CreatedConcertResponse(long id, String title, String venue, List<CreatedScheduleResponse> schedules) {

        static CreatedConcertResponse of(Concert concert) {
            return new CreatedConcertResponse(concert.id().value(), concert.title(), concert.venue(),
                    concert.schedules().stream().map(CreatedConcertResponse::schedule).toList());
        }

        private static CreatedScheduleResponse schedule(Schedule s) {
            return new CreatedScheduleResponse(s.id().value(), s.performanceAt(), s.bookingWindow().opensAt(),
                    s.bookingWindow().closesAt(), s.totalSeats());
        }
    }
}
