package io.fms.chaos;

import io.fms.chaos.Fault.DrainedChecks;
import java.time.Instant;

/** The processor killed at random moments, brought back each time, then stopped cleanly and started. */
final class ProcessorKill implements Fault.Injection {

    private static final int KILLS = 3;

    @Override
    public DrainedChecks inject(FaultContext context, Phase phase) {
        Stack stack = context.stack();
        context.killAtRandomMoments(phase, "booking-processor", KILLS, 1_000);
        stack.stop("booking-processor");
        Instant stopped = Instant.now();
        stack.up();
        phase.recovered(context.catchUp(stopped));
        phase.note(KILLS + " x kill -9 and 1 clean restart; recovery = from the kill until every earlier 202 is"
                + " decided (includes the JVM start)");
        return DrainedChecks.NONE;
    }
}
