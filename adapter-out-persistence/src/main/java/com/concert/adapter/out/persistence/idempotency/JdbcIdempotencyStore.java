package com.concert.adapter.out.persistence.idempotency;

import com.concert.application.idempotency.IdempotencyKey;
import com.concert.application.idempotency.IdempotencyStore;
import com.concert.application.idempotency.IdempotentOutcome;
import com.concert.domain.shared.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency records under the primary key (user, key). A claim is an insert that does nothing on conflict;
 * PostgreSQL makes a second inserter of the same key wait for the first one's transaction, which is what
 * lets a concurrent repeat see the first request's committed result instead of running again.
 */
@Component
class JdbcIdempotencyStore implements IdempotencyStore {

    private static final RowMapper<IdempotentOutcome> OUTCOME =
            (rs, row) -> new IdempotentOutcome(rs.getString("request_hash"), rs.getString("result"));

    private final JdbcTemplate jdbc;

    JdbcIdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<IdempotentOutcome> find(UserId user, IdempotencyKey key) {
        return jdbc.query("SELECT request_hash, result FROM idempotency_record WHERE user_id = ? AND idempotency_key = ?",
                OUTCOME, user.value(), key.value()).stream().findFirst();
    }

    @Override
    public Optional<IdempotentOutcome> claim(UserId user, IdempotencyKey key, String requestHash, Instant now) {
        List<Integer> claimed = jdbc.queryForList("""
                INSERT INTO idempotency_record (user_id, idempotency_key, request_hash, result, created_at)
                VALUES (?, ?, ?, '', ?) ON CONFLICT (user_id, idempotency_key) DO NOTHING RETURNING 1""",
                Integer.class, user.value(), key.value(), requestHash, Timestamp.from(now));
        return claimed.isEmpty() ? find(user, key) : Optional.empty();
    }

    @Override
    public void complete(UserId user, IdempotencyKey key, String result) {
        int updated = jdbc.update("UPDATE idempotency_record SET result = ? WHERE user_id = ? AND idempotency_key = ?",
                result, user.value(), key.value());
        if (updated != 1) {
            throw new IllegalStateException("completing an idempotency key that was not claimed");
        }
    }
}
