package com.concert.bootstrap.dev;

import com.concert.application.catalog.port.in.CreateConcertCommand;
import com.concert.application.catalog.port.in.CreateConcertCommand.ScheduleInput;
import com.concert.application.catalog.port.in.CreateConcertCommand.SectionInput;
import com.concert.application.catalog.port.in.CreateConcertUseCase;
import com.concert.application.catalog.port.in.ListBookableConcertsUseCase;
import com.concert.application.catalog.port.in.ListConcertsQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The demo catalog, created through the same use case as the admin API: 1,000 concerts bookable now (the
 * size of the original cache experiment), each with two performances of 50 seats, and 10 more whose booking
 * opens next month. Skipped when the database already lists concerts.
 */
final class DemoData implements ApplicationRunner {

    static final int BOOKABLE_CONCERTS = 1_000;
    static final int UPCOMING_CONCERTS = 10;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String[] ARTISTS = {"IU", "BTS", "NewJeans", "Seventeen", "aespa", "Day6", "Taeyeon",
            "Zico", "Hyukoh", "Akdong Musician", "BIGBANG", "Red Velvet", "Stray Kids", "Lim Young-woong", "Jannabi"};
    private static final String[] VENUES = {"KSPO Dome", "Gocheok Sky Dome", "Jamsil Olympic Stadium",
            "Olympic Hall", "Blue Square", "Busan Asiad Main Stadium", "Incheon Inspire Arena"};

    private final CreateConcertUseCase createConcert;
    private final ListBookableConcertsUseCase listConcerts;
    private final Clock clock;

    DemoData(CreateConcertUseCase createConcert, ListBookableConcertsUseCase listConcerts, Clock clock) {
        this.createConcert = createConcert;
        this.listConcerts = listConcerts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (listConcerts.list(new ListConcertsQuery(0, 1)).totalItems() > 0) {
            log.info("Demo data skipped: the database already lists concerts");
            return;
        }
        long started = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        List<CreateConcertCommand> commands = new ArrayList<>();
        for (int i = 0; i < BOOKABLE_CONCERTS; i++) {
            commands.add(concert(i, now.plus(Duration.ofDays(7 + i % 60)), now.minus(Duration.ofDays(1))));
        }
        for (int i = 0; i < UPCOMING_CONCERTS; i++) {
            commands.add(concert(BOOKABLE_CONCERTS + i, now.plus(Duration.ofDays(60 + i)), now.plus(Duration.ofDays(30))));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> created = new ArrayList<>();
            for (CreateConcertCommand command : commands) {
                created.add(pool.submit(() -> createConcert.create(command)));
            }
            for (Future<?> future : created) {
                future.get();
            }
        }
        log.info("Demo data: {} bookable concerts and {} opening next month, 2 performances of 50 seats each, in {} ms",
                BOOKABLE_CONCERTS, UPCOMING_CONCERTS, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static CreateConcertCommand concert(int n, Instant firstPerformance, Instant bookingOpens) {
        String title = ARTISTS[n % ARTISTS.length] + " Live " + (2026 + n / 500) + " #" + (n + 1);
        List<ScheduleInput> schedules = List.of(
                schedule(firstPerformance, bookingOpens),
                schedule(firstPerformance.plus(Duration.ofDays(1)), bookingOpens));
        return new CreateConcertCommand(title, VENUES[n % VENUES.length], schedules);
    }

    private static ScheduleInput schedule(Instant performanceAt, Instant bookingOpens) {
        return new ScheduleInput(performanceAt, bookingOpens, performanceAt.minus(Duration.ofHours(1)), List.of(
                new SectionInput("VIP", 150_000L, 20),
                new SectionInput("R", 110_000L, 30)));
    }
}
