package io.fms.chaos;

import io.fms.chaos.Fault.DrainedChecks;
import io.fms.events.Topics;
import java.time.Duration;
import java.time.Instant;

/**
 * Processor instances joining and leaving, one killed, one stalled (SIGSTOP) past its session: each time the group
 * settles with every partition assigned, and a stalled instance's late batch is fenced off.
 */
final class Scale implements Fault.Injection {

    // Past any session timeout the processor may run with (10 s by default, Kafka's own 45 s): the stalled instance
    // is sure to have lost its partitions.
    private static final Duration STALL = Duration.ofSeconds(55);
    private static final Duration REBALANCE_TIMEOUT = Duration.ofSeconds(150);
    private static final String FENCED = "another processor decided it";

    @Override
    public DrainedChecks inject(FaultContext context, Phase phase) {
        Stack stack = context.stack();
        KafkaTools kafka = context.kafka();
        int partitions = kafka.partitionCount(Topics.BOOKING_COMMANDS);
        long fencedBefore = stack.logLines("booking-processor-2", FENCED);

        stack.scaleProcessors(2);
        phase.note("join " + seconds(rebalance(kafka, 2, partitions)));

        stack.kill("booking-processor-2", "KILL");
        Instant killed = Instant.now();
        phase.note("kill -9 of one of two " + seconds(rebalance(kafka, 1, partitions)));
        phase.recovered(context.catchUp(killed));

        stack.up();
        phase.note("rejoin " + seconds(rebalance(kafka, 2, partitions)));

        stack.kill("booking-processor-2", "STOP");
        Instant stalled = Instant.now();
        Duration evicted = rebalance(kafka, 1, partitions);
        Waits.pause(Duration.between(Instant.now(), stalled.plus(STALL)));
        stack.kill("booking-processor-2", "CONT");
        phase.note("stalled instance evicted " + seconds(evicted) + ", resumed after "
                + Duration.between(stalled, Instant.now()).toSeconds() + " s, back "
                + seconds(rebalance(kafka, 2, partitions)));
        phase.recovered(context.catchUp(stalled));

        stack.scaleProcessors(1);
        phase.note("leave " + seconds(rebalance(kafka, 1, partitions)));
        return () -> phase.note("batches fenced off in booking-processor-2: "
                + (stack.logLines("booking-processor-2", FENCED) - fencedBefore));
    }

    /** Time until {@code instances} processors share every partition between them; negative: never. */
    static Duration rebalance(KafkaTools kafka, int instances, int partitions) {
        Instant start = Instant.now();
        boolean stable = Waits.poll(REBALANCE_TIMEOUT, () -> {
            KafkaTools.Assignment assignment = kafka.assignment(KafkaTools.PROCESSOR_GROUP);
            return assignment.instances() == instances && assignment.partitions() == partitions;
        });
        Duration took = Duration.between(start, Instant.now());
        return stable ? took : took.negated();
    }

    static String seconds(Duration rebalance) {
        return rebalance.isNegative()
                ? "rebalance not settled within " + (-rebalance.toSeconds()) + " s"
                : String.format("rebalanced in %.1f s", rebalance.toMillis() / 1000.0);
    }
}
