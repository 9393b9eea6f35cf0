package com.concert.application.fake;

import com.concert.domain.shared.UserId;
import com.concert.domain.user.Subject;
import com.concert.domain.user.UserRepository;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** Users in a map; {@code computeIfAbsent} gives the one-id-per-subject promise under concurrency. */
public final class InMemoryUserRepository implements UserRepository {

    private final ConcurrentMap<Subject, UserId> ids = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public UserId idOf(Subject subject) {
        return ids.computeIfAbsent(subject, s -> new UserId(sequence.incrementAndGet()));
    }

    public int size() {
        return ids.size();
    }
}
