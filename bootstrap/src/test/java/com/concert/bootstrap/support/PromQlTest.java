package com.concert.bootstrap.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

    @Test
    void aBareNameAndANameWithMatchers_areMetrics() {
        assertThat(PromQl.metricNames("concert_queue_waiting")).containsExactly("concert_queue_waiting");
        assertThat(PromQl.metricNames("resilience4j_circuitbreaker_state{name=\"database\", state=~\"open|half_open\"}"))
                .containsExactly("resilience4j_circuitbreaker_state");
    }

    @Test
    void functionsAggregationsAndTheirLabelLists_areNot() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le, method, uri) "
                + "(rate(http_server_requests_seconds_bucket{uri!~\"/actuator.*\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromQl.metricNames("max without(instance) (concert_queue_active)"))
                .containsExactly("concert_queue_active");
        assertThat(PromQl.metricNames("sum by(code)(rate(concert_refusals_total[5m])) > 0"))
                .containsExactly("concert_refusals_total");
    }

    @Test
    void bothSidesOfABinaryOperation_areRead_inTheirOrder() {
        assertThat(PromQl.metricNames("sum by (concert) (increase(concert_queue_admitted_total[$__rate_interval])) "
                + "/ scalar(sum(increase(concert_queue_ticks_total[$__rate_interval])))"))
                .containsExactly("concert_queue_admitted_total", "concert_queue_ticks_total");
        assertThat(PromQl.metricNames("a_total / on (job) group_left(version) b_info and c unless bool d"))
                .containsExactly("a_total", "b_info", "c", "d");
    }

    @Test
    void numbersDurationsStringsAndKeywords_areNot() {
        assertThat(PromQl.metricNames("rate(x_total[5m] offset 1h) * 1e3 > bool 2"))
                .containsExactly("x_total");
        assertThat(PromQl.metricNames("label_replace(up, \"dst\", \"$1\", \"src\", \"(.*)\")"))
                .containsExactly("up");
        assertThat(PromQl.metricNames("max_over_time(a:recorded:rate5m[1h:5m])"))
                .containsExactly("a:recorded:rate5m");
    }

    @Test
    void aNameGivenOnlyAsALabel_isNotFound() {
        assertThat(PromQl.metricNames("{__name__=\"up\"}")).isEmpty();
    }
}
