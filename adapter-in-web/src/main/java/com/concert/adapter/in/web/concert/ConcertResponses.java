package com.concert.adapter.in.web.concert;

import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertSummary;
import com.concert.domain.concert.Schedule;

import java.time.Instant;
import java.util.List;

/** Response bodies of the concert catalog. */
final class ConcertResponses {

    private ConcertResponses() {
    }

    record ConcertSummaryResponse(long id, String title, String venue, Instant firstPerformanceAt,
                                  Instant lastPerformanceAt) {

        static ConcertSummaryResponse of(ConcertSummary summary) {
            return new ConcertSummaryResponse(summary.id().value(), summary.title(), summary.venue(),
                    summary.firstPerformanceAt(), summary.lastPerformanceAt());
        }
    }

    record PerformanceResponse(long id, Instant performanceAt, Instant bookingOpensAt, Instant bookingClosesAt,
                               int totalSeats, boolean bookableNow) {

        static PerformanceResponse of(Schedule schedule, Instant now) {
            return new PerformanceResponse(schedule.id().value(), schedule.performanceAt(),
                    schedule.bookingWindow().opensAt(), schedule.bookingWindow().closesAt(), schedule.totalSeats(),
                    schedule.isBookableAt(now));
        }
    }

    record ConcertDetailResponse(long id, String title, String venue, boolean bookableNow,
                                 List<PerformanceResponse> schedules) {

        static ConcertDetailResponse of(Concert concert, Instant now) {
            return new ConcertDetailResponse(concert.id().value(), concert.title(), concert.venue(),
                    concert.isBookableAt(now), concert.schedules().stream().map(s -> PerformanceResponse.of(s, now)).toList());
        }
    }
}
