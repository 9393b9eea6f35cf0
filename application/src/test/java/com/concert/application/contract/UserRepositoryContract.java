package com.concert.application.contract;

import com.concert.domain.shared.UserId;
import com.concert.domain.user.Subject;
import com.concert.domain.user.UserRepository;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link UserRepository} promises (see its Javadoc), concurrency included. */
public abstract class UserRepositoryContract {

    protected abstract UserRepository repository();

    /** How many users the implementation has stored, for checking that racing first calls create exactly one. */
    protected abstract long storedUsers();

    private static Subject newSubject() {
        return new Subject("contract|" + UUID.randomUUID());
    }

    @Test
    void aSubjectKeepsItsId() {
        Subject subject = newSubject();

        UserId first = repository().idOf(subject);

        assertThat(repository().idOf(subject)).isEqualTo(first);
        assertThat(repository().idOf(new Subject(subject.value()))).isEqualTo(first);
    }

    @Test
    void differentSubjectsGetDifferentIds_evenWhenTheyDifferOnlyInCase() {
        Subject lower = new Subject("case-" + UUID.randomUUID());
        Subject upper = new Subject(lower.value().toUpperCase());

        assertThat(repository().idOf(lower)).isNotEqualTo(repository().idOf(upper));
    }

    @Test
    void subjectsOfEveryShapeAreKeptExactly() {
        List<Subject> subjects = List.of(
                new Subject("x"),
                new Subject("auth0|" + UUID.randomUUID()),
                new Subject("  spaced  " + UUID.randomUUID()),
                new Subject("한국어-" + UUID.randomUUID()),
                new Subject(("y" + UUID.randomUUID()).repeat(8).substring(0, Subject.MAX_LENGTH)));
        Set<UserId> ids = new HashSet<>();
        for (Subject subject : subjects) {
            UserId id = repository().idOf(subject);
            ids.add(id);
            assertThat(repository().idOf(subject)).as(subject.value()).isEqualTo(id);
        }
        assertThat(ids).hasSameSizeAs(subjects);
    }

    @Test
    void manySimultaneousFirstCalls_forFewNewSubjects_createOneUserEach() throws Exception {
        int subjects = 50;
        int callsPerSubject = 8;
        List<Subject> fresh = new ArrayList<>();
        for (int i = 0; i < subjects; i++) {
            fresh.add(newSubject());
        }
        long before = storedUsers();
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentHashMap<Subject, Set<UserId>> seen = new ConcurrentHashMap<>();
        List<Future<?>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (int call = 0; call < subjects * callsPerSubject; call++) {
                Subject subject = fresh.get(call % subjects);
                calls.add(pool.submit(() -> {
                    start.await();
                    seen.computeIfAbsent(subject, s -> ConcurrentHashMap.newKeySet()).add(repository().idOf(subject));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        }

        assertThat(seen).hasSize(subjects);
        assertThat(seen.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(seen.values().stream().flatMap(Set::stream).distinct().count()).isEqualTo(subjects);
        assertThat(storedUsers() - before).isEqualTo(subjects);
    }
}
