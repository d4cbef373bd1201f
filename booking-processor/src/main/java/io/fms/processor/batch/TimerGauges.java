package io.fms.processor.batch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Component;

/** Live holds and waiting parties on the partitions this instance owns, as of each partition's last batch. */
@Component
class TimerGauges {

    TimerGauges(PartitionStates states, MeterRegistry registry) {
        sum(states, PartitionState::liveHolds, "fms.processor.holds.live")
                .description("Held bookings waiting for payment on this instance's partitions")
                .register(registry);
        sum(states, PartitionState::waitingParties, "fms.processor.waitlist.parties")
                .description("Parties waiting for seats on this instance's partitions")
                .register(registry);
    }

    private static Gauge.Builder<PartitionStates> sum(
            PartitionStates states, ToIntFunction<PartitionState> count, String name) {
        return Gauge.builder(
                name, states, all -> all.all().stream().mapToInt(count).sum());
    }
}
