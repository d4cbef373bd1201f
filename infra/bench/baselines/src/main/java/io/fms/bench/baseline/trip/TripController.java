package io.fms.bench.baseline.trip;

import io.fms.bench.baseline.Baseline;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The benchmark's set-up calls: create a trip, drop everything between runs. */
@RestController
class TripController {

    private final Baseline baseline;

    TripController(Baseline baseline) {
        this.baseline = baseline;
    }

    @PutMapping("/trips/{tripId}")
    ResponseEntity<Void> createTrip(@PathVariable UUID tripId, @RequestBody TripLayout layout) {
        baseline.createTrip(tripId, layout.validated());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/data")
    ResponseEntity<Void> reset() {
        baseline.reset();
        return ResponseEntity.noContent().build();
    }
}
