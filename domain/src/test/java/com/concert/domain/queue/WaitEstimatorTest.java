package com.concert.domain.queue;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class WaitEstimatorTest {

    /** 3,000 every 10 s at most (300/s); 3,000 slots of 10 minutes end at 5/s at least. */
    private static final AdmissionPolicy POLICY =
            new AdmissionPolicy(Duration.ofSeconds(10), 3_000, 3_000, Duration.ofMinutes(10));
    private static final QueueTokenId ID = QueueTokenId.generate(new ConcertId(1), new SecureRandom());

    private static long estimate(long position, OptionalDouble rate) {
        return WaitEstimator.estimateSeconds(QueueToken.waiting(ID, new UserId(1), position), rate, POLICY);
    }

    @Test
    void theEstimateFollowsTheMeasuredRate() {
        assertThat(estimate(1_834, OptionalDouble.of(50))).isEqualTo(37);
        assertThat(estimate(1_834, OptionalDouble.of(100))).isEqualTo(19);
    }

    @Test
    void theMeasuredRateIsClampedToWhatThePolicyMakesPossible() {
        assertThat(estimate(3_000, OptionalDouble.of(10_000))).as("never faster than a batch per interval").isEqualTo(10);
        assertThat(estimate(3_000, OptionalDouble.of(0))).as("never slower than every slot timing out").isEqualTo(600);
    }

    @Test
    void beforeAnyMeasurement_thePoliciesFastestRateStandsIn_andActiveTokensWaitNoMore() {
        assertThat(estimate(600, OptionalDouble.empty())).isEqualTo(2);
        assertThat(WaitEstimator.estimateSeconds(QueueToken.active(ID, new UserId(1), Instant.EPOCH),
                OptionalDouble.of(1), POLICY)).isZero();
    }

    @Test
    void theSlotsToFill_neverTakeTheActiveCountBeyondTheMaximum() {
        AdmissionPolicy small = new AdmissionPolicy(Duration.ofMillis(200), 2, 3, Duration.ofSeconds(3));

        assertThat(small.slotsToFill(0)).isEqualTo(2);
        assertThat(small.slotsToFill(2)).isEqualTo(1);
        assertThat(small.slotsToFill(3)).isZero();
        assertThat(small.slotsToFill(5)).isZero();
    }
}
