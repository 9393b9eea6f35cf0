package com.concert.domain.point;

import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.ErrorCode;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalletTest {

    private static final UserId USER = new UserId(7);
    private static final PointPolicy POLICY = new PointPolicy(10_000_000, 100_000_000);

    @Test
    void aChargeIsOneToTheMaximumCharge() {
        Wallet wallet = Wallet.empty(USER);

        assertThat(wallet.charge(50_000, POLICY).balance()).isEqualTo(50_000);
        assertThat(wallet.charge(10_000_000, POLICY).balance()).isEqualTo(10_000_000);
        for (long amount : new long[]{0, -1, 10_000_001}) {
            assertThatThrownBy(() -> wallet.charge(amount, POLICY))
                    .isInstanceOfSatisfying(InvalidAmountException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
        }
    }

    @Test
    void aChargeMayNotTakeTheBalancePastTheMaximum() {
        Wallet nearlyFull = new Wallet(USER, 99_999_000);

        assertThat(nearlyFull.charge(1_000, POLICY).balance()).isEqualTo(100_000_000);
        assertThatThrownBy(() -> nearlyFull.charge(1_001, POLICY)).isInstanceOf(BalanceLimitExceededException.class);
    }

    @Test
    void aUseNeedsTheWholeAmount() {
        Wallet wallet = new Wallet(USER, 150_000);

        assertThat(wallet.use(150_000).balance()).isZero();
        assertThatThrownBy(() -> wallet.use(150_001))
                .isInstanceOf(InsufficientPointsException.class)
                .hasMessageContaining("150001").hasMessageContaining("150000");
        assertThatIllegalArgumentException().isThrownBy(() -> new Wallet(USER, -1));
    }

    @Test
    void historyEntriesSayWhichWayTheyWent() {
        Instant now = Instant.parse("2026-11-24T12:00:00Z");

        assertThat(new PointEntry(1, USER, PointType.CHARGE, 100, 100, now, null).signedAmount()).isEqualTo(100);
        assertThat(new PointEntry(2, USER, PointType.USE, 60, 40, now, new ReservationId(1)).signedAmount()).isEqualTo(-60);
        assertThatIllegalArgumentException().as("a use names its reservation")
                .isThrownBy(() -> new PointEntry(3, USER, PointType.USE, 60, 40, now, null));
        assertThatIllegalArgumentException().as("amounts are positive")
                .isThrownBy(() -> new PointEntry(4, USER, PointType.CHARGE, 0, 40, now, null));
    }
}
