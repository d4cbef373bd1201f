package io.fms.chaos;

/**
 * One fault of the suite: its name and summary (how the command line, the report and docs/reliability.md name it,
 * and its line of the usage text), what it does to the running stack while the steady load runs, and whether it
 * dead-letters commands on purpose (for every other fault a dead letter is a failure). The checks every fault
 * shares, and the load around it, are {@link FaultContext#run}'s and {@link Chaos}'s. {@link Faults} lists them.
 */
record Fault(String name, String summary, Injection injection, boolean deadLettersExpected) {

    Fault(String name, String summary, Injection injection) {
        this(name, summary, injection, false);
    }

    DrainedChecks inject(FaultContext context, Phase phase) {
        return injection.inject(context, phase);
    }

    /** What a fault does to the stack. */
    @FunctionalInterface
    interface Injection {

        /**
         * Injects the fault while the load runs and brings the stack back as an operator would, noting in
         * {@code phase} what it saw and how long recovery took; records a failed check there, never throws for one.
         *
         * @return the checks that need every accepted request decided first: run once the backlog is drained
         */
        DrainedChecks inject(FaultContext context, Phase phase);
    }

    @FunctionalInterface
    interface DrainedChecks {

        DrainedChecks NONE = () -> {};

        void run();
    }
}
