package io.fms.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Bounded waits: a fault's script must end even when the stack does not come back. */
final class Waits {

    private static final Duration POLL = Duration.ofMillis(500);

    private Waits() {}

    /** Asks until the condition holds or the bound passes; a condition that throws counts as not yet. */
    static boolean poll(Duration bound, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(bound);
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // a dependency still coming back; asked again
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            pause(POLL);
        }
    }

    static void pause(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
