package com.concert.application.catalog.service;

import com.concert.application.catalog.port.in.ListConcertsQuery;
import com.concert.application.fake.InMemoryConcertCatalog;
import com.concert.application.fake.InMemoryConcertRepository;
import com.concert.application.shared.Page;
import com.concert.domain.concert.ConcertSummary;
import com.concert.domain.shared.ValidationFailedException;
import com.concert.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.concert.domain.testing.ConcertFixture.concert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListBookableConcertsServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private final InMemoryConcertRepository concerts = new InMemoryConcertRepository();
    private final MutableClock clock = new MutableClock(NOW);
    private final ListBookableConcertsService service =
            new ListBookableConcertsService(new InMemoryConcertCatalog(concerts), clock);

    @Test
    void list_showsWhatIsBookableAtTheClocksNow() {
        concerts.create(concert().titled("open").schedule(NOW.plus(DAY), NOW.minus(DAY), 5).build());
        concerts.create(concert().titled("opens tomorrow").schedule(NOW.plus(DAY.multipliedBy(3)), NOW.plus(DAY), 5).build());

        Page<ConcertSummary> today = service.list(new ListConcertsQuery(0, 20));
        clock.advance(DAY.plusSeconds(1));
        Page<ConcertSummary> tomorrow = service.list(new ListConcertsQuery(0, 20));

        assertThat(today.items()).extracting(ConcertSummary::title).containsExactly("open");
        assertThat(tomorrow.items()).extracting(ConcertSummary::title).containsExactly("opens tomorrow");
    }

    @Test
    void aQueryOutOfRange_isRefused() {
        assertThatThrownBy(() -> service.list(new ListConcertsQuery(0, 101)))
                .isInstanceOf(ValidationFailedException.class);
    }
}
