package com.concert.adapter.out.persistence.concert;

import com.concert.application.catalog.port.out.ConcertListing;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertDraft;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.concert.ConcertSummary;
import com.concert.domain.concert.ScheduleDraft;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.concert.Section;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

@Component
class JpaConcertRepository implements ConcertRepository, ConcertListing {

    /** One statement per section, however many seats it has: the numbers come from generate_series. */
    private static final String INSERT_SECTION_SEATS = """
            INSERT INTO seat (schedule_id, seat_number, grade, price, status)
            SELECT ?, n, ?, ?, 'AVAILABLE' FROM generate_series(?::int, ?::int) AS n""";

    private final ConcertSpringDataRepository concerts;
    private final JdbcTemplate jdbc;
    private final ConcertEntityMapper mapper;
    private final Clock clock;

    JpaConcertRepository(ConcertSpringDataRepository concerts, JdbcTemplate jdbc, ConcertEntityMapper mapper,
                         Clock clock) {
        this.concerts = concerts;
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public Concert create(ConcertDraft draft) {
        List<ScheduleDraft> drafts = draft.schedules();
        ConcertJpaEntity concert = new ConcertJpaEntity(draft.title(), draft.venue(),
                drafts.stream().map(ScheduleDraft::performanceAt).min(Comparator.naturalOrder()).orElseThrow(),
                drafts.stream().map(ScheduleDraft::performanceAt).max(Comparator.naturalOrder()).orElseThrow(),
                clock.instant());
        List<ScheduleJpaEntity> schedules = new ArrayList<>(drafts.size());
        for (ScheduleDraft schedule : drafts) {
            ScheduleJpaEntity entity = new ScheduleJpaEntity(concert, schedule.performanceAt(),
                    schedule.bookingWindow().opensAt(), schedule.bookingWindow().closesAt(), schedule.totalSeats());
            concert.addSchedule(entity);
            schedules.add(entity);
        }
        concerts.saveAndFlush(concert);

        List<Object[]> sectionRows = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            long scheduleId = schedules.get(i).getId();
            int next = 1;
            for (Section section : drafts.get(i).sections()) {
                sectionRows.add(new Object[]{scheduleId, section.grade(), section.price(), next,
                        next + section.seats() - 1});
                next += section.seats();
            }
        }
        jdbc.batchUpdate(INSERT_SECTION_SEATS, sectionRows);
        return mapper.toConcert(concert);
    }

    @Override
    public Optional<Concert> findById(ConcertId id) {
        return concerts.findWithSchedules(id.value()).map(mapper::toConcert);
    }

    @Override
    public Optional<ConcertId> findConcertOf(ScheduleId schedule) {
        return jdbc.queryForList("SELECT concert_id FROM concert_schedule WHERE id = ?", Long.class, schedule.value())
                .stream().findFirst().map(ConcertId::new);
    }

    @Override
    public Optional<Instant> nextBookingChangeAfter(Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp next = jdbc.queryForObject("""
                SELECT least((SELECT min(booking_opens_at) FROM concert_schedule WHERE booking_opens_at > ?),
                             (SELECT min(booking_closes_at) FROM concert_schedule WHERE booking_closes_at > ?))""",
                Timestamp.class, at, at);
        return Optional.ofNullable(next).map(Timestamp::toInstant);
    }

    @Override
    public Page<ConcertSummary> findBookable(Instant now, PageRequest page) {
        var found = concerts.findBookable(now,
                org.springframework.data.domain.PageRequest.of(page.page(), page.size()));
        return Page.of(found.getContent().stream().map(mapper::toSummary).toList(), page, found.getTotalElements());
    }
}
