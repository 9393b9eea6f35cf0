package com.concert.adapter.out.persistence.user;

import com.concert.application.contract.UserRepositoryContract;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.shared.UserId;
import com.concert.domain.user.Subject;
import com.concert.domain.user.UserRepository;
import com.concert.testsupport.persistence.PersistenceIT;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UserRepositoryIT extends PersistenceIT {

    @Autowired
    UserRepository users;

    @Autowired
    JdbcUserRepository jdbcUsers;

    @Autowired
    TransactionRunner transactions;

    @Autowired
    JdbcTemplate jdbc;

    /** The port's contract through the in-memory copy, as the service uses it. */
    @Nested
    class Cached extends UserRepositoryContract {

        @Override
        protected UserRepository repository() {
            return users;
        }

        @Override
        protected long storedUsers() {
            return jdbcUsers.count();
        }
    }

    /** The same contract on the statement alone: every call goes to PostgreSQL, so the races are real. */
    @Nested
    class Uncached extends UserRepositoryContract {

        @Override
        protected UserRepository repository() {
            return subject -> transactions.inTransaction(() -> jdbcUsers.idOf(subject));
        }

        @Override
        protected long storedUsers() {
            return jdbcUsers.count();
        }
    }

    @Test
    void aKnownSubjectIsReadWithoutWritingItsRowAgain() {
        Subject subject = new Subject("reader-" + UUID.randomUUID());
        UserId id = transactions.inTransaction(() -> jdbcUsers.idOf(subject));
        String version = jdbc.queryForObject("SELECT xmin::text FROM app_user WHERE id = ?", String.class, id.value());

        transactions.inTransaction(() -> jdbcUsers.idOf(subject));

        assertThat(jdbc.queryForObject("SELECT xmin::text FROM app_user WHERE id = ?", String.class, id.value()))
                .isEqualTo(version);
    }

    @Test
    void newUsersAreNumberedAfterEveryExistingOne() {
        Long largest = jdbc.queryForObject("SELECT max(id) FROM app_user", Long.class);

        UserId id = users.idOf(new Subject("newcomer-" + UUID.randomUUID()));

        assertThat(id.value()).isGreaterThan(largest == null ? 0 : largest);
    }
}
