package io.fms.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The targets are judged from the figures: met, not met, or not judged; never met by default. */
class TargetsTest {

    @Test
    void hotTripRatiosAndTheLatencyTarget() {
        Map<String, Object> systems = new LinkedHashMap<>();
        systems.put("fms", Map.of("decisions_per_s", 10_000.0, "decide_p99_ms", 30.0));
        systems.put("rowlock", Map.of("decisions_per_s", 1_000.0, "accept_p99_ms", 400.0));
        systems.put("redislock", Map.of("decisions_per_s", 3_500.0, "accept_p99_ms", 300.0));

        List<Map<String, Object>> targets = Targets.judge("hot-trip", 20_000, systems, Map.of());

        assertThat(targets).extracting(t -> t.get("met")).containsExactly(true, false, true);
    }

    @Test
    void aMissingSystemIsNotJudgedRatherThanMet() {
        Map<String, Object> systems = Map.of("fms", Map.of("decisions_per_s", 10_000.0, "decide_p99_ms", 1.0));

        List<Map<String, Object>> targets = Targets.judge("hot-trip", 20_000, systems, Map.of());

        assertThat(targets).extracting(t -> t.get("met")).containsOnlyNulls();
    }

    @Test
    void peakSaleJudgesIngestAgainstTheCeilingDrainHalfRateLatencyAndTheChecksAtFullSizeOnly() {
        Map<String, Object> fms = new LinkedHashMap<>();
        fms.put("ingest_per_s", 2_000.0);
        fms.put("drain_probe", Map.of("decisions_per_s", 31_000.0));
        fms.put("half_rate_phase", Map.of("decide_accepted_p99_ms", 150.0, "rate_per_s", 1000.0, "lost", 0L));
        fms.put("double_booked_seats", 0L);
        fms.put("lost", 0L);
        Map<String, Object> ceilings = Map.of("http", Map.of("requests_per_s", 3_000.0));

        List<Map<String, Object>> scaled = Targets.judge("peak-sale", 20_000, Map.of("fms", fms), ceilings);
        List<Map<String, Object>> full = Targets.judge("peak-sale", 1_500_000, Map.of("fms", fms), ceilings);

        // 2,000/s is 67 % of a 3,000/s ceiling: met by the second clause.
        assertThat(scaled).extracting(t -> t.get("met")).containsExactly(true, true, false, null);
        assertThat(full).extracting(t -> t.get("met")).containsExactly(true, true, false, true);
        fms.put("lost", 1L);
        assertThat(Targets.judge("peak-sale", 20_000, Map.of("fms", fms), ceilings)
                        .get(3))
                .containsEntry("met", false);
    }
}
