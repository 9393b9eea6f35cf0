package com.concert.application.contract;

import com.concert.application.catalog.port.out.ConcertListing;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertDraft;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.concert.ConcertSummary;
import com.concert.domain.concert.Schedule;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.concert.Section;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.concert.domain.testing.ConcertFixture.concert;
import static com.concert.domain.testing.ConcertFixture.newEra;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ConcertRepository} promises. Subclassed once per implementation; each test works in
 * an era of its own, so implementations backed by a shared database need no cleanup between tests.
 */
public abstract class ConcertRepositoryContract {

    private static final Duration DAY = Duration.ofDays(1);

    protected abstract ConcertRepository repository();

    /** The listing over the same storage as {@link #repository()}. */
    protected abstract ConcertListing listing();

    protected abstract TransactionRunner transactions();

    private Concert create(ConcertDraft draft) {
        return transactions().inTransaction(() -> repository().create(draft));
    }

    @Test
    void create_storesEverySchedule_andFindsItAgainById() {
        Instant era = newEra();
        Concert created = create(concert().titled("IU 2026 Tour").at("KSPO Dome")
                .schedule(era.plus(DAY.multipliedBy(20)), era, new Section("VIP", 150_000, 20), new Section("R", 110_000, 30))
                .schedule(era.plus(DAY.multipliedBy(10)), era, 40)
                .build());

        assertThat(created.title()).isEqualTo("IU 2026 Tour");
        assertThat(created.venue()).isEqualTo("KSPO Dome");
        assertThat(created.schedules()).extracting(Schedule::totalSeats).containsExactly(40, 50);
        assertThat(created.schedules()).extracting(Schedule::performanceAt)
                .containsExactly(era.plus(DAY.multipliedBy(10)), era.plus(DAY.multipliedBy(20)));
        assertThat(created.schedules()).extracting(Schedule::id).doesNotHaveDuplicates();
        assertThat(created.firstPerformanceAt()).isEqualTo(era.plus(DAY.multipliedBy(10)));
        assertThat(created.lastPerformanceAt()).isEqualTo(era.plus(DAY.multipliedBy(20)));

        Concert found = transactions().readOnly(() -> repository().findById(created.id())).orElseThrow();
        assertThat(found).isEqualTo(created);
    }

    @Test
    void findConcertOf_namesTheConcertOfASchedule() {
        Instant era = newEra();
        Concert created = create(concert().schedule(era.plus(DAY), era, 5).schedule(era.plus(DAY.multipliedBy(2)), era, 5).build());

        for (Schedule schedule : created.schedules()) {
            assertThat(transactions().readOnly(() -> repository().findConcertOf(schedule.id()))).contains(created.id());
        }
        assertThat(transactions().readOnly(() -> repository().findConcertOf(new ScheduleId(Long.MAX_VALUE)))).isEmpty();
    }

    @Test
    void findById_ofAnUnknownConcert_isEmpty() {
        assertThat(transactions().readOnly(() -> repository().findById(new ConcertId(Long.MAX_VALUE)))).isEmpty();
    }

    @Test
    void findBookable_listsOnlyConcertsWithAnOpenWindow_earliestPerformanceFirst() {
        Instant now = newEra().plus(DAY.multipliedBy(100));
        Concert later = create(concert().titled("later").schedule(now.plus(DAY.multipliedBy(9)), now.minus(DAY), 5).build());
        Concert sooner = create(concert().titled("sooner").schedule(now.plus(DAY.multipliedBy(2)), now.minus(DAY), 5).build());
        create(concert().titled("not open yet").schedule(now.plus(DAY.multipliedBy(40)), now.plus(DAY), 5).build());
        create(concert().titled("closed").schedule(now.minus(DAY), now.minus(DAY.multipliedBy(3)), 5).build());
        Concert oneOfTwoOpen = create(concert().titled("one of two open")
                .schedule(now.minus(DAY), now.minus(DAY.multipliedBy(3)), 5)
                .schedule(now.plus(DAY.multipliedBy(5)), now.minus(DAY), 5)
                .build());

        Page<ConcertSummary> page = transactions().readOnly(() -> listing().findBookable(now, new PageRequest(0, 20)));

        assertThat(page.items()).extracting(ConcertSummary::id)
                .containsExactly(oneOfTwoOpen.id(), sooner.id(), later.id());
        assertThat(page.totalItems()).isEqualTo(3);
        assertThat(page.items().getFirst().firstPerformanceAt()).isEqualTo(now.minus(DAY));
        assertThat(page.items().getFirst().lastPerformanceAt()).isEqualTo(now.plus(DAY.multipliedBy(5)));
    }

    @Test
    void findBookable_opensAtTheFirstInstant_andClosesAtTheLast() {
        Instant opensAt = newEra().plus(DAY);
        Instant performanceAt = opensAt.plus(DAY);
        Concert concert = create(concert().schedule(performanceAt, opensAt, 5).build());

        assertThat(bookableIds(opensAt.minusNanos(1000))).doesNotContain(concert.id());
        assertThat(bookableIds(opensAt)).contains(concert.id());
        assertThat(bookableIds(performanceAt.minusNanos(1000))).contains(concert.id());
        assertThat(bookableIds(performanceAt)).doesNotContain(concert.id());
    }

    @Test
    void findBookable_pagesThroughEveryConcertExactlyOnce_inAStableOrder() {
        Instant now = newEra().plus(DAY.multipliedBy(100));
        Instant performanceAt = now.plus(DAY);
        for (int i = 0; i < 7; i++) {
            // the same first performance for all: the id breaks the tie
            create(concert().titled("tie " + i).schedule(performanceAt, now.minus(DAY), 3).build());
        }

        Page<ConcertSummary> first = transactions().readOnly(() -> listing().findBookable(now, new PageRequest(0, 3)));
        Page<ConcertSummary> second = transactions().readOnly(() -> listing().findBookable(now, new PageRequest(1, 3)));
        Page<ConcertSummary> third = transactions().readOnly(() -> listing().findBookable(now, new PageRequest(2, 3)));
        Page<ConcertSummary> beyond = transactions().readOnly(() -> listing().findBookable(now, new PageRequest(9, 3)));

        List<Long> ids = java.util.stream.Stream.of(first, second, third)
                .flatMap(p -> p.items().stream()).map(s -> s.id().value()).toList();
        assertThat(ids).hasSize(7).isSorted().doesNotHaveDuplicates();
        assertThat(first.totalItems()).isEqualTo(7);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(third.items()).hasSize(1);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.totalItems()).isEqualTo(7);
    }

    @Test
    void nextBookingChange_isTheNearestOpeningOrClosingAfterNow() {
        Instant era = newEra();
        create(concert().schedule(era.plus(DAY.multipliedBy(10)), era.plus(DAY.multipliedBy(3)), 5).build());
        create(concert().schedule(era.plus(DAY.multipliedBy(2)), era.plus(DAY), 5).build());

        assertThat(nextChange(era)).contains(era.plus(DAY));
        assertThat(nextChange(era.plus(DAY))).as("strictly after").contains(era.plus(DAY.multipliedBy(2)));
        assertThat(nextChange(era.plus(DAY.multipliedBy(2)))).contains(era.plus(DAY.multipliedBy(3)));
        assertThat(nextChange(era.plus(DAY.multipliedBy(3)))).contains(era.plus(DAY.multipliedBy(10)));
    }

    private java.util.Optional<Instant> nextChange(Instant now) {
        return transactions().readOnly(() -> listing().nextBookingChangeAfter(now));
    }

    private List<ConcertId> bookableIds(Instant now) {
        return transactions().readOnly(() -> listing().findBookable(now, new PageRequest(0, 100)))
                .items().stream().map(ConcertSummary::id).toList();
    }
}
