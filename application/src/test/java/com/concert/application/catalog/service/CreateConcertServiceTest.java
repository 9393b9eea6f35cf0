package com.concert.application.catalog.service;

import com.concert.application.catalog.port.in.CreateConcertCommand;
import com.concert.application.catalog.port.in.CreateConcertCommand.ScheduleInput;
import com.concert.application.catalog.port.in.CreateConcertCommand.SectionInput;
import com.concert.application.fake.DirectTransactionRunner;
import com.concert.application.fake.InMemoryConcertRepository;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.Schedule;
import com.concert.domain.shared.ValidationFailedException;
import com.concert.domain.shared.Violation;
import com.concert.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreateConcertServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
    private static final Instant PERFORMANCE = Instant.parse("2026-12-24T10:00:00Z");

    private final InMemoryConcertRepository concerts = new InMemoryConcertRepository();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner();
    private final List<ConcertId> forgottenHere = new ArrayList<>();
    private final List<ConcertId> announced = new ArrayList<>();
    private final CreateConcertService service =
            new CreateConcertService(concerts, forgottenHere::add, announced::add, transactions, new MutableClock(NOW));

    private static SectionInput vip() {
        return new SectionInput("VIP", 150_000L, 20);
    }

    @Test
    void create_storesTheConcertInOneTransaction_withTheDefaultBookingWindow() {
        Concert concert = service.create(new CreateConcertCommand("  IU 2026 Tour ", "KSPO Dome", List.of(
                new ScheduleInput(PERFORMANCE, null, null, List.of(vip(), new SectionInput("R", 110_000L, 30))))));

        assertThat(transactions.readWriteCount()).isEqualTo(1);
        assertThat(forgottenHere).as("this instance forgets at once").containsExactly(concert.id());
        assertThat(announced).as("every instance is told").containsExactly(concert.id());
        assertThat(concert.title()).isEqualTo("IU 2026 Tour");
        Schedule schedule = concert.schedules().getFirst();
        assertThat(schedule.totalSeats()).isEqualTo(50);
        assertThat(schedule.bookingWindow().opensAt()).isEqualTo(NOW);
        assertThat(schedule.bookingWindow().closesAt()).isEqualTo(PERFORMANCE);
        assertThat(concerts.findById(concert.id())).contains(concert);
    }

    @Test
    void create_keepsAnExplicitBookingWindow() {
        Instant opens = Instant.parse("2026-11-01T00:00:00Z");
        Instant closes = Instant.parse("2026-12-24T09:00:00Z");

        Concert concert = service.create(new CreateConcertCommand("t", "v",
                List.of(new ScheduleInput(PERFORMANCE, opens, closes, List.of(vip())))));

        assertThat(concert.schedules().getFirst().bookingWindow().opensAt()).isEqualTo(opens);
        assertThat(concert.schedules().getFirst().bookingWindow().closesAt()).isEqualTo(closes);
    }

    @Test
    void create_namesEveryBrokenField_andStoresNothing() {
        CreateConcertCommand command = new CreateConcertCommand(" ", null, List.of(
                new ScheduleInput(null, null, null, List.of(new SectionInput("", 0L, 0))),
                new ScheduleInput(PERFORMANCE, null, PERFORMANCE.plusSeconds(1), null)));

        assertThatThrownBy(() -> service.create(command))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("title", "venue", "schedules[0].performanceAt",
                                "schedules[0].sections[0].grade", "schedules[0].sections[0].price",
                                "schedules[0].sections[0].seats", "schedules[1].bookingClosesAt",
                                "schedules[1].sections"));
        assertThat(transactions.readWriteCount()).isZero();
        assertThat(announced).isEmpty();
    }

    @Test
    void create_refusesAWindowThatOpensAfterItCloses() {
        CreateConcertCommand command = new CreateConcertCommand("t", "v", List.of(
                new ScheduleInput(PERFORMANCE, PERFORMANCE.minusSeconds(10), PERFORMANCE.minusSeconds(20), List.of(vip()))));

        assertThatThrownBy(() -> service.create(command))
                .isInstanceOf(ValidationFailedException.class)
                .hasMessage("schedules[0].bookingOpensAt: must be before bookingClosesAt");
    }

    @Test
    void create_refusesAPastPerformanceWithoutAnExplicitWindow() {
        CreateConcertCommand command = new CreateConcertCommand("t", "v", List.of(
                new ScheduleInput(NOW.minusSeconds(1), null, null, List.of(vip()))));

        assertThatThrownBy(() -> service.create(command))
                .isInstanceOf(ValidationFailedException.class)
                .hasMessageStartingWith("schedules[0].performanceAt:");
    }

    /** Found by BadInputIT: a number taken as epoch seconds made a performance in the year 28490. */
    @Test
    void create_refusesInstantsMoreThanFiveYearsAway() {
        Instant far = NOW.plus(Duration.ofDays(6 * 365));
        assertThatThrownBy(() -> service.create(new CreateConcertCommand("t", "v",
                List.of(new ScheduleInput(far, null, null, List.of(vip()))))))
                .isInstanceOf(ValidationFailedException.class)
                .hasMessage("schedules[0].performanceAt: must be within 5 years of now");
        assertThatThrownBy(() -> service.create(new CreateConcertCommand("t", "v",
                List.of(new ScheduleInput(PERFORMANCE, Instant.parse("1970-01-01T00:00:00Z"), null, List.of(vip()))))))
                .isInstanceOf(ValidationFailedException.class)
                .hasMessage("schedules[0].bookingOpensAt: must be within 5 years of now");
        assertThat(transactions.readWriteCount()).isZero();
    }

    @Test
    void create_refusesMoreSeatsThanAScheduleMayHave() {
        SectionInput[] sections = new SectionInput[11];
        Arrays.fill(sections, new SectionInput("R", 1L, 5_000));

        assertThatThrownBy(() -> service.create(new CreateConcertCommand("t", "v",
                List.of(new ScheduleInput(PERFORMANCE, null, null, List.of(sections))))))
                .isInstanceOf(ValidationFailedException.class)
                .hasMessage("schedules[0].sections: must have at most 50000 seats in all");
    }
}
