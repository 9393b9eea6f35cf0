package com.concert.application.ratelimit.service;

import com.concert.application.fake.FakeRateLimiter;
import com.concert.application.fake.FakeRateLimiter.Acquisition;
import com.concert.application.ratelimit.RateLimitPolicy;
import com.concert.application.ratelimit.port.in.RateLimitedAction;
import com.concert.application.ratelimit.port.in.RateLimitedException;
import com.concert.domain.shared.ErrorCode;
import com.concert.domain.shared.UserId;
import com.concert.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitRequestRateServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String ADDRESS = "203.0.113.7";
    private static final UserId ALICE = new UserId(42);
    /** 2 per second per user and 10 per address, with 3 seconds' worth of burst. */
    private static final RateLimitPolicy POLICY = new RateLimitPolicy(true, 2, 10, 3);

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeRateLimiter limiter = new FakeRateLimiter();

    private LimitRequestRateService service(RateLimitPolicy policy) {
        return new LimitRequestRateService(limiter, policy, clock);
    }

    @Test
    void aRequest_takesFromTheAddressFirst_thenFromTheUser() {
        clock.advance(Duration.ofSeconds(5));

        service(POLICY).acquire(RateLimitedAction.HOLD, ADDRESS, Optional.of(ALICE));

        assertThat(limiter.acquisitions()).containsExactly(
                new Acquisition("hold:address", ADDRESS, 10, 30, NOW.plusSeconds(5)),
                new Acquisition("hold:user", "42", 2, 6, NOW.plusSeconds(5)));
    }

    @Test
    void eachActionHasBucketsOfItsOwn() {
        service(POLICY).acquire(RateLimitedAction.QUEUE_ENTRY, ADDRESS, Optional.of(ALICE));

        assertThat(limiter.acquisitions()).extracting(Acquisition::kind)
                .containsExactly("queue-entry:address", "queue-entry:user");
    }

    @Test
    void aSpentAddress_isRefusedWithItsRetryAfter_beforeTheUsersBucketIsTouched() {
        limiter.spend("hold:address", ADDRESS, Duration.ofMillis(1_500));

        assertThatThrownBy(() -> service(POLICY).acquire(RateLimitedAction.HOLD, ADDRESS, Optional.of(ALICE)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(1_500));
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.getMessage()).contains("address");
                });
        assertThat(limiter.acquisitions()).extracting(Acquisition::kind).containsExactly("hold:address");
    }

    @Test
    void aSpentUser_isRefusedWithItsRetryAfter_evenFromAFreshAddress() {
        limiter.spend("hold:user", "42", Duration.ofMillis(400));

        assertThatThrownBy(() -> service(POLICY).acquire(RateLimitedAction.HOLD, "198.51.100.1", Optional.of(ALICE)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(400));
                    assertThat(e.getMessage()).contains("user");
                });
    }

    @Test
    void anAnonymousRequest_takesFromItsAddressOnly() {
        service(POLICY).acquire(RateLimitedAction.QUEUE_ENTRY, ADDRESS, Optional.empty());

        assertThat(limiter.acquisitions()).extracting(Acquisition::kind).containsExactly("queue-entry:address");
    }

    @Test
    void aRequestWithoutAnAddress_takesFromItsUserOnly() {
        service(POLICY).acquire(RateLimitedAction.HOLD, null, Optional.of(ALICE));

        assertThat(limiter.acquisitions()).extracting(Acquisition::kind).containsExactly("hold:user");
    }

    @Test
    void aRateOfZero_turnsThatLimitOff() {
        service(new RateLimitPolicy(true, 0, 10, 1)).acquire(RateLimitedAction.HOLD, ADDRESS, Optional.of(ALICE));
        service(new RateLimitPolicy(true, 2, 0, 1)).acquire(RateLimitedAction.HOLD, ADDRESS, Optional.of(ALICE));

        assertThat(limiter.acquisitions()).extracting(Acquisition::kind).containsExactly("hold:address", "hold:user");
    }

    @Test
    void aDisabledPolicy_letsEverythingThrough_withoutAskingTheLimiter() {
        limiter.spend("hold:address", ADDRESS, Duration.ofSeconds(1));
        limiter.spend("hold:user", "42", Duration.ofSeconds(1));

        service(new RateLimitPolicy(false, 2, 10, 3)).acquire(RateLimitedAction.HOLD, ADDRESS, Optional.of(ALICE));
        service(RateLimitPolicy.off()).acquire(RateLimitedAction.HOLD, ADDRESS, Optional.of(ALICE));

        assertThat(limiter.acquisitions()).isEmpty();
    }

    @Test
    void aSlowRate_stillAllowsABurstOfOne() {
        service(new RateLimitPolicy(true, 0.1, 0, 2)).acquire(RateLimitedAction.HOLD, ADDRESS, Optional.of(ALICE));

        assertThat(limiter.acquisitions()).singleElement().satisfies(a -> {
            assertThat(a.perSecond()).isEqualTo(0.1);
            assertThat(a.burst()).isEqualTo(1);
        });
    }
}
