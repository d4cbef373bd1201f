package io.fms.events;

/**
 * A booking request's wish to hold its seats while the traveller pays: the decision is then {@code HELD} until the
 * deadline, {@code seconds} after the decision (and never past departure), instead of {@code CONFIRMED}.
 */
public record Hold(int seconds) {

    public static final int SECONDS_MIN = 30;
    public static final int SECONDS_MAX = 1800;

    public static boolean isValidSeconds(long seconds) {
        return seconds >= SECONDS_MIN && seconds <= SECONDS_MAX;
    }
}
