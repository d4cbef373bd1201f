package io.fms.processor;

import io.fms.processor.decision.BatchDecisions;
import io.fms.processor.decision.BookingRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Submit-to-decision latency: from the API's intake of a request ({@code requestedAt}, stamped before it is queued)
 * to the commit of its decision. What a buyer waits for once the API has said 202; a growing tail means the
 * partitions are falling behind. The two clocks are the API's and the processor's: on separate machines, their skew
 * is in the figure.
 */
@Component
public class DecisionLatency {

    private final Timer latency;

    DecisionLatency(MeterRegistry registry) {
        this.latency = Timer.builder("fms.processor.decision.latency")
                .description("From the API's intake of a booking request to the commit of its decision")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
    }

    public void record(BatchDecisions decisions) {
        for (BookingRecord booking : decisions.decided()) {
            if (booking.requestedAt() != null && booking.decidedAt() != null) {
                Duration waited = Duration.between(booking.requestedAt(), booking.decidedAt());
                // A clock that ran backwards between the two machines says nothing about waiting.
                if (!waited.isNegative()) {
                    latency.record(waited);
                }
            }
        }
    }
}
