package com.concert.adapter.out.persistence.concert;

import com.concert.adapter.out.persistence.cache.NearCache;
import com.concert.adapter.out.persistence.cache.NearCacheSettings;
import com.concert.application.catalog.port.out.CatalogCache;
import com.concert.application.catalog.port.out.ConcertCatalog;
import com.concert.application.catalog.port.out.ConcertListing;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.concert.ConcertSummary;
import com.concert.domain.concert.ScheduleId;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link ConcertCatalog} from memory, in front of PostgreSQL.
 * <ul>
 *     <li>A concert, and which concert a schedule belongs to, are kept once read: nothing about them changes after
 *     creation. A missing one is not kept, so one created a moment later is found.</li>
 *     <li>A page of the bookable listing is kept until the next booking window opens or closes (the listing
 *     cannot change before that), at most {@link #LISTING_TTL}, and is dropped on every instance when the
 *     catalog changes ({@link CatalogChanges}).</li>
 * </ul>
 */
@Component
class CachingConcertCatalog implements ConcertCatalog, CatalogCache {

    static final int MAX_CONCERTS = 20_000;
    /** A safety net only: nothing about a stored concert changes today. */
    static final Duration KEEP_FOR = Duration.ofMinutes(30);
    /** Also a safety net: a listing page is dropped by a change message or at the next window boundary first. */
    static final Duration LISTING_TTL = Duration.ofMinutes(1);

    /** A listing page as loaded at {@code loadedAt}, right until {@code validUntil} (exclusive). */
    record ListingPage(Page<ConcertSummary> page, Instant loadedAt, Instant validUntil) {

        boolean answers(Instant now) {
            return !now.isBefore(loadedAt) && now.isBefore(validUntil);
        }
    }

    private final ConcertRepository concerts;
    private final ConcertListing bookable;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final NearCache<ConcertId, Concert> byId;
    private final NearCache<ScheduleId, ConcertId> concertOfSchedule;
    private final NearCache<PageRequest, ListingPage> listing;

    CachingConcertCatalog(ConcertRepository concerts, ConcertListing bookable, TransactionRunner transactions, Clock clock,
                          NearCacheSettings settings, MeterRegistry registry) {
        this.concerts = concerts;
        this.bookable = bookable;
        this.transactions = transactions;
        this.clock = clock;
        this.byId = NearCache.expiringAfter("concerts", KEEP_FOR, MAX_CONCERTS, settings, registry);
        this.concertOfSchedule = NearCache.expiringAfter("schedule-concerts", KEEP_FOR, MAX_CONCERTS * 4L, settings,
                registry);
        this.listing = NearCache.expiringAt("concert-listing",
                page -> Duration.between(clock.instant(), page.validUntil()), LISTING_TTL, 10_000, settings, registry);
    }

    @Override
    public Optional<Concert> find(ConcertId id) {
        return Optional.ofNullable(byId.get(id, key -> transactions.readOnly(() -> concerts.findById(key)).orElse(null)));
    }

    @Override
    public Optional<Concert> findBySchedule(ScheduleId schedule) {
        ConcertId concert = concertOfSchedule.get(schedule,
                key -> transactions.readOnly(() -> concerts.findConcertOf(key)).orElse(null));
        return concert == null ? Optional.empty() : find(concert);
    }

    @Override
    public Page<ConcertSummary> findBookable(Instant now, PageRequest page) {
        ListingPage cached = listing.get(page, key -> load(now, key));
        if (!cached.answers(now)) {
            // loaded for another moment (a shifted clock, or a boundary passed an instant ago): load for this one
            listing.invalidate(page);
            cached = listing.get(page, key -> load(now, key));
        }
        return cached.answers(now) ? cached.page() : load(now, page).page();
    }

    private ListingPage load(Instant now, PageRequest page) {
        return transactions.readOnly(() -> {
            Page<ConcertSummary> found = bookable.findBookable(now, page);
            Instant nextChange = bookable.nextBookingChangeAfter(now).orElse(Instant.MAX);
            Instant safetyNet = now.plus(LISTING_TTL);
            return new ListingPage(found, now, nextChange.isBefore(safetyNet) ? nextChange : safetyNet);
        });
    }

    /** A concert was created or changed, here or on another instance: its copies and every listing page go. */
    @Override
    public void forget(ConcertId concert) {
        byId.invalidate(concert);
        listing.invalidateAll();
    }
}
