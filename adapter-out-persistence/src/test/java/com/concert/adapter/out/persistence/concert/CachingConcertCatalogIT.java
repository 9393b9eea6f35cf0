package com.concert.adapter.out.persistence.concert;

import com.concert.application.catalog.port.out.CatalogCache;
import com.concert.application.catalog.port.out.ConcertCatalog;
import com.concert.application.shared.PageRequest;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.concert.ConcertSummary;
import com.concert.testsupport.persistence.PersistenceIT;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.concert.domain.testing.ConcertFixture.concert;
import static com.concert.domain.testing.ConcertFixture.newEra;
import static org.assertj.core.api.Assertions.assertThat;

class CachingConcertCatalogIT extends PersistenceIT {

    private static final Duration DAY = Duration.ofDays(1);
    private static final PageRequest FIRST_PAGE = new PageRequest(0, 20);

    @Autowired
    ConcertCatalog catalog;

    @Autowired
    CatalogCache changes;

    @Autowired
    ConcertRepository concerts;

    @Autowired
    TransactionRunner transactions;

    @Autowired
    MeterRegistry registry;

    private Concert create(Instant performanceAt, Instant opensAt) {
        return transactions.inTransaction(() -> concerts.create(concert().schedule(performanceAt, opensAt, 5).build()));
    }

    private List<ConcertId> listed(Instant now) {
        return catalog.findBookable(now, FIRST_PAGE).items().stream().map(ConcertSummary::id).toList();
    }

    private double listingGets(String result) {
        return registry.get("cache.gets").tag("cache", "concert-listing").tag("result", result).functionCounter().count();
    }

    @Test
    void aListingPageIsReadOnce_untilTheCatalogChanges() {
        Instant now = newEra().plus(DAY.multipliedBy(100));
        Concert first = create(now.plus(DAY), now.minus(DAY));
        double missesBefore = listingGets("miss");

        assertThat(listed(now)).containsExactly(first.id());
        assertThat(listed(now.plusSeconds(1))).containsExactly(first.id());
        assertThat(listingGets("miss") - missesBefore).as("one load for both").isEqualTo(1);

        Concert second = create(now.plus(DAY.multipliedBy(2)), now.minus(DAY));
        assertThat(listed(now)).as("unannounced: the copy still answers").containsExactly(first.id());

        changes.forget(second.id());
        assertThat(listed(now)).containsExactly(first.id(), second.id());
    }

    @Test
    void aListingPageEndsWhenTheNextBookingWindowOpensOrCloses() {
        Instant now = newEra().plus(DAY.multipliedBy(100));
        Concert open = create(now.plus(DAY), now.minus(DAY));
        Concert soon = create(now.plus(DAY.multipliedBy(3)), now.plusSeconds(30));

        assertThat(listed(now)).containsExactly(open.id());
        assertThat(listed(now.plusSeconds(29))).containsExactly(open.id());
        assertThat(listed(now.plusSeconds(30))).as("the window opened").containsExactly(open.id(), soon.id());
        assertThat(listed(now.plus(DAY))).as("the first performance's window closed").containsExactly(soon.id());
        assertThat(listed(now)).as("a clock shifted back is answered for its own moment").containsExactly(open.id());
    }

    @Test
    void aConcertIsReadOnce_butAMissingOneIsNotRemembered() {
        Instant era = newEra();
        assertThat(catalog.find(new ConcertId(Long.MAX_VALUE - 1))).isEmpty();
        Concert created = create(era.plus(DAY), era);

        assertThat(catalog.find(created.id())).contains(created);
        assertThat(catalog.findBySchedule(created.schedules().getFirst().id())).contains(created);
        assertThat(catalog.find(created.id())).contains(created);
    }
}
