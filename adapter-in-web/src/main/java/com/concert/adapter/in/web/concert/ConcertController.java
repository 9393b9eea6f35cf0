package com.concert.adapter.in.web.concert;

import com.concert.adapter.in.web.concert.ConcertResponses.ConcertDetailResponse;
import com.concert.adapter.in.web.concert.ConcertResponses.ConcertSummaryResponse;
import com.concert.adapter.in.web.support.PageParameters;
import com.concert.adapter.in.web.support.PageParameters.PageResponse;
import com.concert.adapter.in.web.support.PathIds;
import com.concert.application.catalog.port.in.GetConcertUseCase;
import com.concert.application.catalog.port.in.ListBookableConcertsUseCase;
import com.concert.application.catalog.port.in.ListConcertsQuery;
import com.concert.application.shared.PageRequest;
import com.concert.domain.concert.ConcertId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

@RestController
@RequestMapping("/api/v1/concerts")
@Tag(name = "Concerts", description = "The catalog: no token needed")
class ConcertController {

    private final ListBookableConcertsUseCase listConcerts;
    private final GetConcertUseCase getConcert;
    private final Clock clock;

    ConcertController(ListBookableConcertsUseCase listConcerts, GetConcertUseCase getConcert, Clock clock) {
        this.listConcerts = listConcerts;
        this.getConcert = getConcert;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List the concerts bookable now",
            description = "Concerts with at least one performance whose booking window is open now, earliest first "
                    + "performance first (ties by id). firstPerformanceAt and lastPerformanceAt span all of a "
                    + "concert's performances.")
    PageResponse<ConcertSummaryResponse> list(
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "page size, 1 to 100") @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return PageParameters.respond(listConcerts.list(new ListConcertsQuery(page, size)), ConcertSummaryResponse::of);
    }

    @GetMapping("/{concertId}")
    @Operation(summary = "One concert and its performances",
            description = "Public details; seat availability needs an active queue token (see the schedules endpoint).")
    ConcertDetailResponse get(@PathVariable @Positive(message = PathIds.MUST_BE_POSITIVE) long concertId) {
        return ConcertDetailResponse.of(getConcert.get(new ConcertId(concertId)), clock.instant());
    }
}
