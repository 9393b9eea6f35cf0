package com.concert.adapter.out.persistence.cache;

/**
 * Whether the read path keeps copies in memory ({@code concert.cache.enabled}). Off, every read goes to
 * PostgreSQL: the switch exists to measure what the copies buy.
 */
public record NearCacheSettings(boolean enabled) {
}
