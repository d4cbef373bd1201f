package io.fms.processor.batch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Live holds and waiting parties on the partitions this instance owns, as of each partition's last batch. */
@Component
class TimerGauges {

    TimerGauges(PartitionStates states, MeterRegistry registry) {
        Gauge.builder(
                        "fms.processor.holds.live",
                        states,
                        all -> all.all().stream()
                                .mapToInt(PartitionState::liveHolds)
                                .sum())
                .description("Held bookings waiting for payment on this instance's partitions")
                .register(registry);
        Gauge.builder(
                        "fms.processor.waitlist.parties",
                        states,
                        all -> all.all().stream()
                                .mapToInt(PartitionState::waitingParties)
                                .sum())
                .description("Parties waiting for seats on this instance's partitions")
                .register(registry);
    }
}
