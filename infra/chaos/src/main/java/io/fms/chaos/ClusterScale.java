package io.fms.chaos;

import io.fms.chaos.Fault.DrainedChecks;
import io.fms.events.Topics;
import java.time.Instant;

/** Processor instances 1 -> 3 -> 1 against the cluster (up --cluster): the partitions spread and come back. */
final class ClusterScale implements Fault.Injection {

    @Override
    public DrainedChecks inject(FaultContext context, Phase phase) {
        Stack stack = context.stack();
        KafkaTools kafka = context.kafka();
        int partitions = kafka.partitionCount(Topics.BOOKING_COMMANDS);

        Instant grown = Instant.now();
        stack.scaleProcessors(3);
        phase.note("1 -> 3 " + Scale.seconds(Scale.rebalance(kafka, 3, partitions)));
        phase.recovered(context.catchUp(grown));

        Instant shrunk = Instant.now();
        stack.scaleProcessors(1);
        phase.note("3 -> 1 " + Scale.seconds(Scale.rebalance(kafka, 1, partitions)));
        phase.recovered(context.catchUp(shrunk));
        return DrainedChecks.NONE;
    }
}
