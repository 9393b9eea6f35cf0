package com.concert.application.booking.service;

import com.concert.application.booking.port.in.ConcertSchedules;
import com.concert.application.booking.port.in.SeatMap;
import com.concert.application.booking.port.in.SeatMapQuery;
import com.concert.application.catalog.service.ConcertLookup;
import com.concert.application.fake.InMemoryConcertCatalog;
import com.concert.application.fake.InMemoryConcertRepository;
import com.concert.application.fake.InMemoryQueueStore;
import com.concert.application.fake.InMemorySeatRepository;
import com.concert.application.queue.port.in.GatedConcertQuery;
import com.concert.application.queue.service.QueueGate;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ConcertNotAvailableException;
import com.concert.domain.concert.ConcertNotFoundException;
import com.concert.domain.concert.Schedule;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.concert.ScheduleNotFoundException;
import com.concert.domain.queue.AdmissionPolicy;
import com.concert.domain.queue.QueueTokenId;
import com.concert.domain.queue.TokenInvalidException;
import com.concert.domain.queue.TokenMissingException;
import com.concert.domain.queue.TokenNotActiveException;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatStatus;
import com.concert.domain.shared.UserId;
import com.concert.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.concert.domain.testing.ConcertFixture.concert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatedReadServicesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final AdmissionPolicy POLICY =
            new AdmissionPolicy(Duration.ofSeconds(1), 10, 10, Duration.ofMinutes(10));
    private static final UserId ALICE = new UserId(1);

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryConcertRepository concerts = new InMemoryConcertRepository();
    private final InMemorySeatRepository seats = new InMemorySeatRepository();
    private final InMemoryQueueStore queue = new InMemoryQueueStore();
    private final ConcertLookup lookup = new ConcertLookup(new InMemoryConcertCatalog(concerts));
    private final QueueGate gate = new QueueGate(queue, clock);
    private final GetBookableSchedulesService schedules =
            new GetBookableSchedulesService(lookup, seats, gate, clock);
    private final GetSeatMapService seatMap = new GetSeatMapService(lookup, seats, gate, clock);

    private final Concert concert = concerts.create(concert()
            .schedule(NOW.plus(DAY), NOW.minus(DAY), 4)
            .schedule(NOW.plus(DAY.multipliedBy(2)), NOW.minus(DAY), 4)
            .schedule(NOW.minus(DAY), NOW.minus(DAY.multipliedBy(5)), 4)
            .build());

    private String activeToken(ConcertId concertId, UserId user) {
        var entry = queue.enter(concertId, user, QueueTokenId.generate(concertId, new SecureRandom()), NOW);
        queue.admit(concertId, POLICY, NOW);
        return entry.token().id().value();
    }

    @Test
    void schedules_listTheBookablePerformancesWithTheirAvailableSeats() {
        Schedule first = concert.schedules().get(1);
        List<Seat> firstSeats = seats.addSeats(first, 4, 110_000);
        seats.addSeats(concert.schedules().get(2), 4, 110_000);
        Seat sold = firstSeats.get(0);
        seats.put(Seat.restore(sold.id(), first.id(), 1, "R", 110_000, SeatStatus.SOLD, null));
        seats.put(Seat.restore(firstSeats.get(1).id(), first.id(), 2, "R", 110_000, SeatStatus.HELD, NOW.plusSeconds(60)));
        seats.put(Seat.restore(firstSeats.get(2).id(), first.id(), 3, "R", 110_000, SeatStatus.HELD, NOW.minusSeconds(1)));

        ConcertSchedules result = schedules.schedules(new GatedConcertQuery(concert.id(), ALICE, activeToken(concert.id(), ALICE)));

        assertThat(result.schedules()).extracting(a -> a.schedule().id())
                .containsExactly(concert.schedules().get(1).id(), concert.schedules().get(2).id());
        assertThat(result.schedules()).extracting(ConcertSchedules.Availability::availableSeats)
                .as("a sold and a held seat are gone; a hold that ran out is back").containsExactly(2, 4);
    }

    @Test
    void theGate_refusesMissingInvalidWaitingAndForeignTokens() {
        String waiting = queue.enter(concert.id(), ALICE, QueueTokenId.generate(concert.id(), new SecureRandom()), NOW)
                .token().id().value();
        Concert other = concerts.create(concert().schedule(NOW.plus(DAY), NOW.minus(DAY), 4).build());
        String otherConcerts = activeToken(other.id(), ALICE);

        assertThatThrownBy(() -> schedules.schedules(new GatedConcertQuery(concert.id(), ALICE, null)))
                .isInstanceOf(TokenMissingException.class);
        assertThatThrownBy(() -> schedules.schedules(new GatedConcertQuery(concert.id(), ALICE, "not-a-token")))
                .isInstanceOf(TokenInvalidException.class);
        assertThatThrownBy(() -> schedules.schedules(new GatedConcertQuery(concert.id(), ALICE, waiting)))
                .isInstanceOf(TokenNotActiveException.class);
        assertThatThrownBy(() -> schedules.schedules(new GatedConcertQuery(concert.id(), ALICE, otherConcerts)))
                .isInstanceOf(TokenInvalidException.class);
        assertThatThrownBy(() -> schedules.schedules(new GatedConcertQuery(other.id(), new UserId(2), otherConcerts)))
                .as("another user's token").isInstanceOf(TokenInvalidException.class);
        assertThatThrownBy(() -> seatMap.seatMap(new SeatMapQuery(new GatedConcertQuery(concert.id(), ALICE, waiting),
                concert.schedules().getFirst().id()))).isInstanceOf(TokenNotActiveException.class);
    }

    @Test
    void anUnknownConcertOrSchedule_isNotFound() {
        String token = activeToken(concert.id(), ALICE);

        assertThatThrownBy(() -> schedules.schedules(new GatedConcertQuery(new ConcertId(999), ALICE, token)))
                .isInstanceOf(ConcertNotFoundException.class);
        assertThatThrownBy(() -> seatMap.seatMap(new SeatMapQuery(new GatedConcertQuery(concert.id(), ALICE, token),
                new ScheduleId(999)))).isInstanceOf(ScheduleNotFoundException.class);
    }

    @Test
    void aConcertWhoseBookingClosedAfterAdmission_isNotAvailable() {
        var entry = queue.enter(concert.id(), ALICE, QueueTokenId.generate(concert.id(), new SecureRandom()), NOW);
        queue.admit(concert.id(), new AdmissionPolicy(Duration.ofSeconds(1), 1, 1, Duration.ofDays(10)), NOW);

        clock.advance(DAY.multipliedBy(3));

        assertThatThrownBy(() -> schedules.schedules(new GatedConcertQuery(concert.id(), ALICE,
                entry.token().id().value()))).isInstanceOf(ConcertNotAvailableException.class);
    }

    @Test
    void theSeatMap_showsEverySeatByNumber_withRunOutHoldsAvailable() {
        Schedule schedule = concert.schedules().getFirst();
        List<Seat> added = seats.addSeats(schedule, 3, 150_000);
        seats.put(Seat.restore(added.get(1).id(), schedule.id(), 2, "R", 150_000, SeatStatus.HELD, NOW.minusSeconds(1)));
        seats.put(Seat.restore(added.get(2).id(), schedule.id(), 3, "R", 150_000, SeatStatus.HELD, NOW.plusSeconds(60)));

        SeatMap map = seatMap.seatMap(new SeatMapQuery(new GatedConcertQuery(concert.id(), ALICE,
                activeToken(concert.id(), ALICE)), schedule.id()));

        assertThat(map.seats()).extracting(Seat::number).containsExactly(1, 2, 3);
        assertThat(map.seats()).extracting(map::statusOf)
                .containsExactly(SeatStatus.AVAILABLE, SeatStatus.AVAILABLE, SeatStatus.HELD);
        assertThat(map.at()).isEqualTo(NOW);
        assertThat(map.unchanged()).isEqualTo(new SeatMap.Span(NOW.minusSeconds(1), NOW.plusSeconds(60)));
    }

    @Test
    void theSeatMap_carriesTheNumberOfTheReadItCameFrom() {
        Schedule schedule = concert.schedules().getFirst();
        seats.addSeats(schedule, 2, 150_000);
        String token = activeToken(concert.id(), ALICE);
        long before = seats.snapshot(schedule.id()).read();

        SeatMap map = seatMap.seatMap(new SeatMapQuery(new GatedConcertQuery(concert.id(), ALICE, token), schedule.id()));

        assertThat(map.read()).isGreaterThan(before);
        assertThat(map.seats()).isEqualTo(seats.snapshot(schedule.id()).seats());
    }
}
