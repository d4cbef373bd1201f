package io.fms.bench.baseline.web;

import io.fms.bench.baseline.Baseline;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: UP once the design's schema exists and its stores answer; the benchmark waits for it. */
@RestController
class HealthController {

    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);

    private final Baseline baseline;

    HealthController(Baseline baseline) {
        this.baseline = baseline;
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, String>> health() {
        boolean up;
        try {
            up = baseline.isHealthy();
        } catch (RuntimeException e) {
            LOG.warn("Health check failed: {}", e.toString());
            up = false;
        }
        return up
                ? ResponseEntity.ok(Map.of("status", "UP"))
                : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "DOWN"));
    }
}
