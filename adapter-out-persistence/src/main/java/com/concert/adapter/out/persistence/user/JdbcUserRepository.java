package com.concert.adapter.out.persistence.user;

import com.concert.domain.shared.UserId;
import com.concert.domain.user.Subject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Subjects to ids in one statement: a known subject is read without writing; an unknown one is inserted, and
 * when another transaction inserts the same subject first, the conflict waits for it and the upsert's
 * {@code RETURNING} answers the winner's id (a plain {@code DO NOTHING} would answer nothing there, because the
 * winner's row is not in this statement's snapshot). The unique constraint on {@code subject} is what makes
 * it one user per subject; the statement only makes that race invisible to callers.
 */
@Component
class JdbcUserRepository {

    private final JdbcTemplate jdbc;

    JdbcUserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs inside the caller's transaction. */
    UserId idOf(Subject subject) {
        List<Long> ids = jdbc.queryForList("""
                WITH known AS (SELECT id FROM app_user WHERE subject = ?),
                     created AS (
                         INSERT INTO app_user (subject) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM known)
                         ON CONFLICT (subject) DO UPDATE SET subject = excluded.subject
                         RETURNING id)
                SELECT id FROM known UNION ALL SELECT id FROM created""", Long.class, subject.value(), subject.value());
        if (ids.size() != 1) {
            throw new IllegalStateException("expected one user for a subject, found " + ids.size());
        }
        return new UserId(ids.getFirst());
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM app_user", Long.class);
        return count == null ? 0 : count;
    }
}
