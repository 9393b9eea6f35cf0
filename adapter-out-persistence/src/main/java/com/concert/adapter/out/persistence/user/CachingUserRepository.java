package com.concert.adapter.out.persistence.user;

import com.concert.adapter.out.persistence.cache.NearCache;
import com.concert.adapter.out.persistence.cache.NearCacheSettings;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.shared.UserId;
import com.concert.domain.user.Subject;
import com.concert.domain.user.UserRepository;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * {@link UserRepository} in front of every authenticated request: a subject's id is read from PostgreSQL once
 * per instance and then answered from memory, so that the hot path (queue status, seat maps) pays no database
 * round trip for knowing who calls. The mapping never changes once made, so a copy cannot be wrong; it is
 * bounded ({@link #MAX_USERS}, least recently used out first) and forgotten after {@link #KEEP_FOR}, which is
 * how long an operator's remapping of a subject (see the {@code app_user} changelog) takes to reach every
 * instance. Concurrent first requests of one subject on one instance make one query.
 */
@Component
class CachingUserRepository implements UserRepository {

    static final int MAX_USERS = 100_000;
    static final Duration KEEP_FOR = Duration.ofHours(1);

    private final JdbcUserRepository users;
    private final TransactionRunner transactions;
    private final NearCache<Subject, UserId> ids;

    CachingUserRepository(JdbcUserRepository users, TransactionRunner transactions, MeterRegistry registry) {
        this.users = users;
        this.transactions = transactions;
        // always on: concert.cache.enabled measures the catalog's copies, not this
        this.ids = NearCache.expiringAfter("users", KEEP_FOR, MAX_USERS, new NearCacheSettings(true), registry);
    }

    @Override
    public UserId idOf(Subject subject) {
        return ids.get(subject, key -> transactions.inTransaction(() -> users.idOf(key)));
    }
}
