package com.concert.adapter.out.persistence.concert;

import com.concert.application.catalog.port.out.ConcertListing;
import com.concert.application.contract.ConcertRepositoryContract;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.concert.Section;
import com.concert.testsupport.persistence.PersistenceIT;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.concert.domain.testing.ConcertFixture.concert;
import static com.concert.domain.testing.ConcertFixture.newEra;
import static org.assertj.core.api.Assertions.assertThat;

class JpaConcertRepositoryIT extends PersistenceIT {

    @Autowired
    ConcertRepository repository;

    @Autowired
    ConcertListing listing;

    @Autowired
    TransactionRunner transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void create_numbersTheSeatsFromOneInSectionOrder_allAvailable() {
        Instant era = newEra();
        Concert created = transactions.inTransaction(() -> repository.create(concert()
                .schedule(era.plus(Duration.ofDays(2)), era, new Section("VIP", 150_000, 2), new Section("R", 110_000, 3))
                .build()));

        List<Map<String, Object>> seats = jdbc.queryForList(
                "SELECT seat_number, grade, price, status FROM seat WHERE schedule_id = ? ORDER BY seat_number",
                created.schedules().getFirst().id().value());

        assertThat(seats).extracting(s -> s.get("seat_number")).containsExactly(1, 2, 3, 4, 5);
        assertThat(seats).extracting(s -> s.get("grade")).containsExactly("VIP", "VIP", "R", "R", "R");
        assertThat(seats).extracting(s -> s.get("price")).containsExactly(150_000L, 150_000L, 110_000L, 110_000L, 110_000L);
        assertThat(seats).extracting(s -> s.get("status")).containsOnly("AVAILABLE");
    }

    @Test
    void aFailedCreation_leavesNoConcertBehind() {
        Long before = jdbc.queryForObject("SELECT count(*) FROM concert", Long.class);
        Instant era = newEra();

        try {
            transactions.inTransaction(() -> {
                repository.create(concert().schedule(era.plus(Duration.ofDays(1)), era, 3).build());
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM concert", Long.class)).isEqualTo(before);
    }

    /** The port's contract, run against PostgreSQL. */
    @Nested
    class Contract extends ConcertRepositoryContract {

        @Override
        protected ConcertRepository repository() {
            return repository;
        }

        @Override
        protected ConcertListing listing() {
            return listing;
        }

        @Override
        protected TransactionRunner transactions() {
            return transactions;
        }
    }
}
