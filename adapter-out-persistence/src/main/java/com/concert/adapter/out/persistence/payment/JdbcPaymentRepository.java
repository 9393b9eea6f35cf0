package com.concert.adapter.out.persistence.payment;

import com.concert.domain.payment.Payment;
import com.concert.domain.payment.PaymentId;
import com.concert.domain.payment.PaymentRepository;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

@Component
class JdbcPaymentRepository implements PaymentRepository {

    private static final RowMapper<Payment> PAYMENT = (rs, row) -> new Payment(new PaymentId(rs.getLong("id")),
            new ReservationId(rs.getLong("reservation_id")), new UserId(rs.getLong("user_id")), rs.getLong("amount"),
            rs.getLong("balance_after"), rs.getTimestamp("paid_at").toInstant());

    private final JdbcTemplate jdbc;

    JdbcPaymentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Payment record(ReservationId reservation, UserId user, long amount, long balanceAfter, Instant paidAt) {
        long id = jdbc.queryForObject("""
                INSERT INTO payment (reservation_id, user_id, amount, balance_after, paid_at) VALUES (?, ?, ?, ?, ?)
                RETURNING id""", Long.class, reservation.value(), user.value(), amount, balanceAfter, Timestamp.from(paidAt));
        return new Payment(new PaymentId(id), reservation, user, amount, balanceAfter, paidAt);
    }

    @Override
    public Optional<Payment> findById(PaymentId id) {
        return jdbc.query("SELECT id, reservation_id, user_id, amount, balance_after, paid_at FROM payment WHERE id = ?",
                PAYMENT, id.value()).stream().findFirst();
    }
}
