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
        POLICY.requireValidCharge(1);
        POLICY.requireValidCharge(10_000_000);
        for (long amount : new long[]{0, -1, 10_000_001}) {
            assertThatThrownBy(() -> POLICY.requireValidCharge(amount))
                    .isInstanceOfSatisfying(InvalidAmountException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
        }
    }

    @Test
    void aBalanceIsNeverNegative_andARefusedUseSaysWhatWasMissing() {
        assertThat(Wallet.empty(USER).balance()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> new Wallet(USER, -1));
        assertThat(new InsufficientPointsException(150_001, 150_000))
                .hasMessageContaining("150001").hasMessageContaining("150000");
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
