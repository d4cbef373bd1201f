package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {

    @Test
    void findsTheMetricsAndNothingElse() {
        assertThat(
                        PromQlNames.of(
                                "histogram_quantile(0.99, sum by (le, channel)"
                                        + " (rate(fms_notify_attempts_seconds_bucket{job=\"x\", outcome=~\"a|b\"}[$__rate_interval])))"))
                .containsExactly("fms_notify_attempts_seconds_bucket");
        assertThat(PromQlNames.of("sum by (partition) (lag_a{topic=\"t\"}) >= sum by (partition) (lag_b offset 5m)"
                        + " and on (instance) up == 0"))
                .containsExactly("lag_a", "lag_b", "up");
        assertThat(PromQlNames.of("sum(rate(a_total[1m])) / sum(rate(b_count[1m])) * 1000"))
                .containsExactly("a_total", "b_count");
    }
}
