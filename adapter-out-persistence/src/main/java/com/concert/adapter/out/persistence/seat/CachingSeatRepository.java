package com.concert.adapter.out.persistence.seat;

import com.concert.adapter.out.persistence.cache.NearCache;
import com.concert.adapter.out.persistence.cache.NearCacheSettings;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.ScheduleId;
import com.concert.domain.seat.SeatRepository;
import com.concert.domain.seat.SeatSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link SeatRepository} for the read path behind the queue: a schedule's seats are read from PostgreSQL at most
 * once per {@code concert.cache.seat-map-lag} ({@link NearCacheSettings#seatMapLag()}, at most
 * {@link #MAX_LAG}) per instance, however many admitted fans ask at once (concurrent misses of one
 * schedule load it once). The contract allows a seat map to lag a hold or a sale by that much; a hold that ran
 * out still reads AVAILABLE at once, because status is judged at the moment of each read from the cached
 * deadline. A copy keeps the number of the read that made it ({@link SeatSnapshot#read()}), so a caller can keep
 * what it derives from one copy for exactly as long as that copy is answered. Holds and payments never read
 * through here: they work on the rows themselves.
 */
@Component
@Primary
class CachingSeatRepository implements SeatRepository {

    static final Duration MAX_LAG = NearCacheSettings.MAX_SEAT_MAP_LAG;

    private final SeatQueries queries;
    private final TransactionRunner transactions;
    private final NearCache<ScheduleId, SeatSnapshot> seatMaps;

    CachingSeatRepository(SeatQueries queries, TransactionRunner transactions, NearCacheSettings settings,
                          MeterRegistry registry) {
        this.queries = queries;
        this.transactions = transactions;
        this.seatMaps = NearCache.expiringAfter("seat-maps", settings.seatMapLag(), 1_000, settings, registry);
    }

    @Override
    public SeatSnapshot snapshot(ScheduleId schedule) {
        return seatMaps.get(schedule, key -> transactions.readOnly(() -> queries.snapshot(key)));
    }

    /** Counted from the cached seat maps, so that the schedule list and the seat map agree with each other. */
    @Override
    public Map<ScheduleId, Integer> countAvailable(Collection<ScheduleId> schedules, Instant now) {
        Map<ScheduleId, Integer> counts = new HashMap<>();
        for (ScheduleId schedule : schedules) {
            counts.put(schedule, (int) findBySchedule(schedule).stream().filter(s -> s.isAvailableAt(now)).count());
        }
        return counts;
    }
}
