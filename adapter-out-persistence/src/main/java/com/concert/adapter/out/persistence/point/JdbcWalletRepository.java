package com.concert.adapter.out.persistence.point;

import com.concert.application.points.port.out.PointHistory;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.point.BalanceLimitExceededException;
import com.concert.domain.point.InsufficientPointsException;
import com.concert.domain.point.PointEntry;
import com.concert.domain.point.PointType;
import com.concert.domain.point.Wallet;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Wallets in plain SQL: a charge is one upsert that adds only while the result stays within the maximum, a use
 * one update that subtracts only while the balance covers it. Each writes its history row in the same
 * statement, with the balance it left, so that the wallet row stays locked for one round trip only.
 */
@Component
class JdbcWalletRepository implements WalletRepository, PointHistory {

    private static final RowMapper<PointEntry> ENTRY = (rs, row) -> {
        long reservation = rs.getLong("reservation_id");
        ReservationId reservationId = rs.wasNull() ? null : new ReservationId(reservation);
        return new PointEntry(rs.getLong("id"), new UserId(rs.getLong("user_id")), PointType.valueOf(rs.getString("type")),
                rs.getLong("amount"), rs.getLong("balance_after"), rs.getTimestamp("created_at").toInstant(),
                reservationId);
    };

    private final JdbcTemplate jdbc;

    JdbcWalletRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Wallet find(UserId user) {
        List<Long> balance = jdbc.queryForList("SELECT balance FROM wallet WHERE user_id = ?", Long.class, user.value());
        return balance.isEmpty() ? Wallet.empty(user) : new Wallet(user, balance.getFirst());
    }

    @Override
    public Wallet charge(UserId user, long amount, long maxBalance, Instant now) {
        if (amount > maxBalance) {
            throw new BalanceLimitExceededException(maxBalance);
        }
        List<Long> balance = jdbc.queryForList("""
                WITH charged AS (
                    INSERT INTO wallet (user_id, balance, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (user_id) DO UPDATE SET balance = wallet.balance + excluded.balance,
                                                        updated_at = excluded.updated_at
                    WHERE wallet.balance <= ? - excluded.balance
                    RETURNING user_id, balance)
                INSERT INTO point_history (user_id, type, amount, balance_after, created_at)
                SELECT user_id, 'CHARGE', ?, balance, ? FROM charged
                RETURNING balance_after""", Long.class, user.value(), amount, Timestamp.from(now), maxBalance, amount,
                Timestamp.from(now));
        if (balance.isEmpty()) {
            throw new BalanceLimitExceededException(maxBalance);
        }
        return new Wallet(user, balance.getFirst());
    }

    @Override
    public Wallet use(UserId user, long amount, ReservationId reservation, Instant now) {
        List<Long> balance = jdbc.queryForList("""
                WITH used AS (
                    UPDATE wallet SET balance = balance - ?, updated_at = ?
                    WHERE user_id = ? AND balance >= ?
                    RETURNING user_id, balance)
                INSERT INTO point_history (user_id, type, amount, balance_after, reservation_id, created_at)
                SELECT user_id, 'USE', ?, balance, ?, ? FROM used
                RETURNING balance_after""", Long.class, amount, Timestamp.from(now), user.value(), amount, amount,
                reservation.value(), Timestamp.from(now));
        if (balance.isEmpty()) {
            throw new InsufficientPointsException(amount, find(user).balance());
        }
        return new Wallet(user, balance.getFirst());
    }

    @Override
    public Page<PointEntry> history(UserId user, PageRequest page) {
        long total = jdbc.queryForObject("SELECT count(*) FROM point_history WHERE user_id = ?", Long.class, user.value());
        List<PointEntry> items = jdbc.query("""
                SELECT id, user_id, type, amount, balance_after, created_at, reservation_id FROM point_history
                WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?""", ENTRY, user.value(), page.size(), page.offset());
        return Page.of(items, page, total);
    }
}
