package com.concert.adapter.out.persistence.cache;

import java.time.Duration;

/**
 * Whether the read path keeps copies in memory ({@code concert.cache.enabled}; off, every read goes to
 * PostgreSQL: the switch exists to measure what the copies buy), and how long a copy of a performance's seats is
 * answered ({@code concert.cache.seat-map-lag}, at most {@link #MAX_SEAT_MAP_LAG}).
 */
public record NearCacheSettings(boolean enabled, Duration seatMapLag) {

    /** The most the API lets a seat map lag a hold or a sale. */
    public static final Duration MAX_SEAT_MAP_LAG = Duration.ofSeconds(1);

    public NearCacheSettings {
        if (seatMapLag.isNegative() || seatMapLag.isZero() || seatMapLag.compareTo(MAX_SEAT_MAP_LAG) > 0) {
            throw new IllegalArgumentException("a seat map lags more than 0 and at most " + MAX_SEAT_MAP_LAG
                    + ", not " + seatMapLag);
        }
    }

    /** Copies on or off, seat maps lagging by the most the API allows. */
    public NearCacheSettings(boolean enabled) {
        this(enabled, MAX_SEAT_MAP_LAG);
    }
}
