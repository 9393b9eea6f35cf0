package com.concert.adapter.in.web.admin;

import com.concert.application.catalog.port.in.CreateConcertCommand;
import com.concert.application.catalog.port.in.CreateConcertCommand.ScheduleInput;
import com.concert.application.catalog.port.in.CreateConcertCommand.SectionInput;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A concert with its performances and seats. Every rule (lengths, ranges, windows) is checked by the use
 * case, which names each broken field in one answer.
 */
record CreateConcertRequest(
        @Schema(example = "IU 2026 Tour", maxLength = 200) String title,
        @Schema(example = "KSPO Dome", maxLength = 200) String venue,
        @Schema(description = "1 to 100 performances") List<ScheduleRequest> schedules) {

    record ScheduleRequest(
            @Schema(example = "2026-12-24T10:00:00Z") Instant performanceAt,
            @Schema(description = "defaults to now", example = "2026-11-01T00:00:00Z") Instant bookingOpensAt,
            @Schema(description = "defaults to performanceAt", example = "2026-12-24T09:00:00Z") Instant bookingClosesAt,
            @Schema(description = "1 to 50 sections; seats are numbered from 1 in section order") List<SectionRequest> sections) {
    }

    record SectionRequest(
            @Schema(example = "VIP", maxLength = 20) String grade,
            @Schema(example = "150000", minimum = "1", maximum = "10000000") Long price,
            @Schema(example = "20", minimum = "1", maximum = "50000") Integer seats) {
    }

    CreateConcertCommand toCommand() {
        return new CreateConcertCommand(title, venue, schedules == null ? null : schedules.stream()
                .map(s -> s == null ? null : new ScheduleInput(s.performanceAt(), s.bookingOpensAt(),
                        s.bookingClosesAt(), s.sections() == null ? null : s.sections().stream()
                        .map(x -> x == null ? null : new SectionInput(x.grade(), x.price(), x.seats()))
                        .toList()))
                .toList());
    }
}
