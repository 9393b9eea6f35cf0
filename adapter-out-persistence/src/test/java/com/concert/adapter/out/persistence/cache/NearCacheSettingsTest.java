package com.concert.adapter.out.persistence.cache;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NearCacheSettingsTest {

    @Test
    void aSeatMapLagsAtMostTheSecondTheApiAllows_byDefaultAllOfIt() {
        assertThat(new NearCacheSettings(true).seatMapLag()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new NearCacheSettings(true, Duration.ofMillis(250)).seatMapLag()).isEqualTo(Duration.ofMillis(250));
        assertThat(new NearCacheSettings(false, Duration.ofSeconds(1)).seatMapLag()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aLagOfNothingOrOverASecondIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NearCacheSettings(true, Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new NearCacheSettings(true, Duration.ofMillis(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new NearCacheSettings(true, Duration.ofMillis(1001)))
                .withMessageContaining("at most PT1S");
    }
}
