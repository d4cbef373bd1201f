package io.fms.chaos;

/**
 * One fault of the suite: what it does to the running stack while the steady load runs, and the checks only it has.
 * The checks every fault shares, and the load around it, are {@link FaultContext#run}'s and {@link Chaos}'s.
 */
interface Fault {

    /** How the command line, the report and docs/reliability.md name it. */
    String name();

    /** What it does, in one line of the usage text. */
    String summary();

    /**
     * Injects the fault while the load runs and brings the stack back as an operator would, noting in {@code phase}
     * what it saw and how long recovery took; records a failed check there, never throws for one.
     *
     * @return the checks that need every accepted request decided first: run once the backlog is drained
     */
    DrainedChecks inject(FaultContext context, Phase phase);

    /** Whether the fault dead-letters commands on purpose; for every other fault a dead letter is a failure. */
    default boolean deadLettersExpected() {
        return false;
    }

    @FunctionalInterface
    interface DrainedChecks {

        DrainedChecks NONE = () -> {};

        void run();
    }
}
