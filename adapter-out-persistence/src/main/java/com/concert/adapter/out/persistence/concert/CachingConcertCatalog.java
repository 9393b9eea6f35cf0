package com.concert.adapter.out.persistence.concert;

import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertCatalog;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.shared.TransactionRunner;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * {@link ConcertCatalog} from memory: a concert is read from PostgreSQL once per instance and kept, since
 * nothing about it changes after creation. A concert that is not found is not kept, so that one created a
 * moment later is found at once. Concurrent misses for one concert load it once.
 */
@Component
class CachingConcertCatalog implements ConcertCatalog {

    static final int MAX_CONCERTS = 20_000;
    /** A safety net only: nothing about a stored concert changes today. */
    static final Duration KEEP_FOR = Duration.ofMinutes(30);

    private final ConcertRepository concerts;
    private final TransactionRunner transactions;
    private final Cache<ConcertId, Concert> cache = Caffeine.newBuilder()
            .maximumSize(MAX_CONCERTS)
            .expireAfterWrite(KEEP_FOR)
            .build();
    private final Cache<ScheduleId, ConcertId> concertOfSchedule = Caffeine.newBuilder()
            .maximumSize(MAX_CONCERTS * 4L)
            .expireAfterWrite(KEEP_FOR)
            .build();

    CachingConcertCatalog(ConcertRepository concerts, TransactionRunner transactions) {
        this.concerts = concerts;
        this.transactions = transactions;
    }

    @Override
    public Optional<Concert> find(ConcertId id) {
        return Optional.ofNullable(cache.get(id, key -> transactions.readOnly(() -> concerts.findById(key)).orElse(null)));
    }

    @Override
    public Optional<Concert> findBySchedule(ScheduleId schedule) {
        ConcertId concert = concertOfSchedule.get(schedule,
                key -> transactions.readOnly(() -> concerts.findConcertOf(key)).orElse(null));
        return concert == null ? Optional.empty() : find(concert);
    }
}
