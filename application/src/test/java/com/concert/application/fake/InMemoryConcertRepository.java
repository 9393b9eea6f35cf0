package com.concert.application.fake;

import com.concert.application.catalog.port.out.ConcertListing;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertDraft;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.concert.ConcertSummary;
import com.concert.domain.concert.Schedule;
import com.concert.domain.concert.ScheduleDraft;
import com.concert.domain.concert.ScheduleId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link ConcertRepository} in a map, keeping the same promises as the real one (see its contract test). */
public final class InMemoryConcertRepository implements ConcertRepository, ConcertListing {

    private final Map<ConcertId, Concert> concerts = new ConcurrentHashMap<>();
    private final AtomicLong concertIds = new AtomicLong();
    private final AtomicLong scheduleIds = new AtomicLong();

    @Override
    public Concert create(ConcertDraft draft) {
        ConcertId id = new ConcertId(concertIds.incrementAndGet());
        List<Schedule> schedules = new ArrayList<>();
        for (ScheduleDraft schedule : draft.schedules()) {
            schedules.add(new Schedule(new ScheduleId(scheduleIds.incrementAndGet()), id, schedule.performanceAt(),
                    schedule.bookingWindow(), schedule.totalSeats()));
        }
        Concert concert = new Concert(id, draft.title(), draft.venue(), schedules);
        concerts.put(id, concert);
        return concert;
    }

    @Override
    public Optional<Concert> findById(ConcertId id) {
        return Optional.ofNullable(concerts.get(id));
    }

    @Override
    public Optional<ConcertId> findConcertOf(ScheduleId schedule) {
        return concerts.values().stream()
                .filter(c -> c.schedules().stream().anyMatch(s -> s.id().equals(schedule)))
                .map(Concert::id)
                .findFirst();
    }

    @Override
    public Optional<Instant> nextBookingChangeAfter(Instant now) {
        return concerts.values().stream().flatMap(c -> c.schedules().stream())
                .flatMap(s -> java.util.stream.Stream.of(s.bookingWindow().opensAt(), s.bookingWindow().closesAt()))
                .filter(t -> t.isAfter(now))
                .min(Comparator.naturalOrder());
    }

    @Override
    public Page<ConcertSummary> findBookable(Instant now, PageRequest page) {
        List<ConcertSummary> bookable = concerts.values().stream()
                .filter(c -> c.isBookableAt(now))
                .map(ConcertSummary::of)
                .sorted(Comparator.comparing(ConcertSummary::firstPerformanceAt).thenComparing(s -> s.id().value()))
                .toList();
        List<ConcertSummary> items = bookable.stream().skip(page.offset()).limit(page.size()).toList();
        return Page.of(items, page, bookable.size());
    }
}
