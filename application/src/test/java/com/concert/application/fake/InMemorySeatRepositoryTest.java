package com.concert.application.fake;

import com.concert.application.contract.ReservationRepositoryContract.Stage;
import com.concert.application.contract.SeatRepositoryContract;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.Concert;
import com.concert.domain.reservation.ReservationRepository;
import com.concert.domain.seat.Seat;
import com.concert.domain.seat.SeatRepository;

import java.time.Duration;
import java.time.Instant;

import static com.concert.domain.testing.ConcertFixture.concert;

class InMemorySeatRepositoryTest extends SeatRepositoryContract {

    private final InMemoryConcertRepository concerts = new InMemoryConcertRepository();
    private final InMemorySeatRepository seats = new InMemorySeatRepository();
    private final InMemoryReservationRepository reservations = new InMemoryReservationRepository(seats);

    @Override
    protected SeatRepository seats() {
        return seats;
    }

    @Override
    protected ReservationRepository reservations() {
        return reservations;
    }

    @Override
    protected TransactionRunner transactions() {
        return new DirectTransactionRunner(reservations);
    }

    @Override
    protected Stage stage(int count, long price) {
        Instant now = Instant.parse("2026-11-01T00:00:00Z");
        Concert concert = concerts.create(concert().schedule(now.plus(Duration.ofDays(60)), now, count).build());
        return new Stage(concert.id(), concert.schedules().getFirst().id(),
                seats.addSeats(concert.schedules().getFirst(), count, price).stream().map(Seat::id).toList());
    }
}
