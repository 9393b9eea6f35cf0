package com.concert.bootstrap.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CacheSettingsTest {

    private static ConcertProperties.Cache bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("concert.cache", ConcertProperties.Cache.class);
    }

    @Test
    void seatMapsLagASecondUnlessToldLess() {
        assertThat(bind(Map.of()).seatMapLag()).isEqualTo(Duration.ofSeconds(1));
        assertThat(bind(Map.of("concert.cache.seat-map-lag", "250ms")).seatMapLag()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aLagOverTheApisSecondOrOfNothingStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("concert.cache.seat-map-lag", "2s")))
                .hasRootCauseMessage("concert.cache.seat-map-lag must be at most 1s (the API lets a seat map lag by "
                        + "no more), got PT2S");
        assertThatThrownBy(() -> bind(Map.of("concert.cache.seat-map-lag", "0s")))
                .rootCause().hasMessageContaining("concert.cache.seat-map-lag");
    }
}
