package com.concert.adapter.out.persistence.point;

import com.concert.domain.point.BalanceLimitExceededException;
import com.concert.domain.point.InsufficientPointsException;
import com.concert.domain.point.PointEntry;
import com.concert.domain.point.PointType;
import com.concert.domain.point.Wallet;
import com.concert.domain.point.WalletRepository;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.Page;
import com.concert.domain.shared.PageRequest;
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
 * transaction, with the balance the statement returned.
 */
@Component
class JdbcWalletRepository implements WalletRepository {

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
        Timestamp at = Timestamp.from(now);
        List<Long> balance = jdbc.queryForList("""
                INSERT INTO wallet (user_id, balance, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET balance = wallet.balance + excluded.balance, updated_at = excluded.updated_at
                WHERE wallet.balance <= ? - excluded.balance
                RETURNING balance""", Long.class, user.value(), amount, at, maxBalance);
        if (balance.isEmpty()) {
            throw new BalanceLimitExceededException(maxBalance);
        }
        record(user, PointType.CHARGE, amount, balance.getFirst(), null, at);
        return new Wallet(user, balance.getFirst());
    }

    @Override
    public Wallet use(UserId user, long amount, ReservationId reservation, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Long> balance = jdbc.queryForList("""
                UPDATE wallet SET balance = balance - ?, updated_at = ?
                WHERE user_id = ? AND balance >= ?
                RETURNING balance""", Long.class, amount, at, user.value(), amount);
        if (balance.isEmpty()) {
            throw new InsufficientPointsException(amount, find(user).balance());
        }
        record(user, PointType.USE, amount, balance.getFirst(), reservation.value(), at);
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

    private void record(UserId user, PointType type, long amount, long balanceAfter, Long reservation, Timestamp at) {
        jdbc.update("""
                INSERT INTO point_history (user_id, type, amount, balance_after, reservation_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", user.value(), type.name(), amount, balanceAfter, reservation, at);
    }
}
