package com.concert.adapter.in.web.schedule;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptEncodingTest {

    private static boolean accepts(String... lines) {
        return AcceptEncoding.acceptsGzip(List.of(lines));
    }

    @Test
    void gzipNamedWithoutAWeightOrAboveZero_isAccepted() {
        assertThat(accepts("gzip")).isTrue();
        assertThat(accepts("gzip, deflate, br, zstd")).isTrue();
        assertThat(accepts("br;q=1.0, GZIP;q=0.8")).isTrue();
        assertThat(accepts("deflate", " x-gzip ; q=0.001")).as("over two lines, the old alias").isTrue();
        assertThat(accepts("gzip;q=1")).isTrue();
    }

    @Test
    void noHeader_otherCodings_aWildcard_orAWeightOfZero_isNotGzip() {
        assertThat(AcceptEncoding.acceptsGzip(null)).isFalse();
        assertThat(accepts("")).isFalse();
        assertThat(accepts("identity")).isFalse();
        assertThat(accepts("br, deflate")).isFalse();
        assertThat(accepts("*")).isFalse();
        assertThat(accepts("gzip;q=0")).isFalse();
        assertThat(accepts("gzip;q=0.000")).isFalse();
        assertThat(accepts("gzip", "gzip;q=0")).as("a refusal anywhere wins").isFalse();
        assertThat(accepts("gzips")).isFalse();
    }

    @Test
    void aWeightThatIsNotAQvalue_isTakenAsARefusal() {
        assertThat(accepts("gzip;q=high")).isFalse();
        assertThat(accepts("gzip;q=2")).isFalse();
        assertThat(accepts("gzip;q=1.5")).isFalse();
        assertThat(accepts("gzip;q=0.12345")).isFalse();
        assertThat(accepts("gzip;q=")).isFalse();
        assertThat(accepts("gzip;level=9")).as("another parameter is not a weight").isTrue();
    }
}
