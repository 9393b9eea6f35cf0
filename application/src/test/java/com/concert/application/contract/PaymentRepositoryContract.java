package com.concert.application.contract;

import com.concert.application.shared.TransactionRunner;
import com.concert.domain.payment.Payment;
import com.concert.domain.payment.PaymentId;
import com.concert.domain.payment.PaymentRepository;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link PaymentRepository} promises: a payment is found again by its id exactly as recorded (a
 * replayed payment answers it), and a reservation is paid at most once.
 */
public abstract class PaymentRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final AtomicLong USERS = new AtomicLong(4_000_000L + System.nanoTime() % 1_000_000);

    protected abstract PaymentRepository repository();

    protected abstract TransactionRunner transactions();

    /** A reservation of {@code user} the implementation's storage knows, not paid yet. */
    protected abstract ReservationId aReservation(UserId user);

    private static UserId newUser() {
        return new UserId(USERS.incrementAndGet());
    }

    private Payment record(ReservationId reservation, UserId user, long amount, long balanceAfter) {
        return transactions().inTransaction(() -> repository().record(reservation, user, amount, balanceAfter, NOW));
    }

    @Test
    void aRecordedPayment_isFoundByItsId_asRecorded() {
        UserId user = newUser();
        ReservationId reservation = aReservation(user);

        Payment payment = record(reservation, user, 220_000, 80_000);

        assertThat(payment.reservationId()).isEqualTo(reservation);
        assertThat(payment.userId()).isEqualTo(user);
        assertThat(payment.amount()).isEqualTo(220_000);
        assertThat(payment.balanceAfter()).isEqualTo(80_000);
        assertThat(payment.paidAt()).isEqualTo(NOW);
        assertThat(transactions().readOnly(() -> repository().findById(payment.id()))).contains(payment);
    }

    @Test
    void paymentsOfTwoReservations_haveTheirOwnIds() {
        UserId user = newUser();

        Payment first = record(aReservation(user), user, 1_000, 0);
        Payment second = record(aReservation(user), user, 2_000, 0);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(transactions().readOnly(() -> repository().findById(second.id()))).contains(second);
    }

    @Test
    void anUnknownId_isNotFound() {
        assertThat(transactions().readOnly(() -> repository().findById(new PaymentId(Long.MAX_VALUE)))).isEmpty();
    }

    @Test
    void aSecondPaymentOfOneReservation_isRefused_andTheFirstStays() {
        UserId user = newUser();
        ReservationId reservation = aReservation(user);
        Payment first = record(reservation, user, 1_000, 0);

        assertThatThrownBy(() -> record(reservation, user, 1_000, 0)).isInstanceOf(RuntimeException.class);

        assertThat(transactions().readOnly(() -> repository().findById(first.id()))).contains(first);
    }
}
