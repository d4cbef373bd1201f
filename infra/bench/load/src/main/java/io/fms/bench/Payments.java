package io.fms.bench;

/**
 * How the clients of held bookings pay, in the "with holds" variant: the connection that got the hold waits
 * {@code payAfterMs} (the traveller typing a card number), then confirms with a made-up payment reference; a share
 * of the clients never pays, so that holds lapse during the run.
 *
 * @param holdSeconds the hold every hold request asks for: the shortest the systems take, so that abandoned holds
 *     expire within a short run
 * @param payAfterMs think time between learning of the hold and sending the confirmation
 * @param abandonShare the share of held bookings whose client never pays
 * @param awaitLapse before the checks, wait until every unpaid hold is past its deadline (plus
 *     {@link #LAPSE_SLACK_S}), so that the checks can demand that each of them expired and freed its seats; the
 *     smoke test skips the wait (and that check)
 */
public record Payments(int holdSeconds, int payAfterMs, double abandonShare, boolean awaitLapse) {

    public static final int HOLD_SECONDS_MIN = 30;
    public static final int HOLD_SECONDS_MAX = 1800;
    public static final int PAY_AFTER_MS_MAX = 60_000;
    /** Beyond a hold's deadline: FMS expires a hold within 2 s of it, the baselines' sweeper runs every second. */
    public static final int LAPSE_SLACK_S = 5;

    public static final Payments DEFAULT = new Payments(HOLD_SECONDS_MIN, 20, 0.1, true);

    public Payments {
        if (holdSeconds < HOLD_SECONDS_MIN || holdSeconds > HOLD_SECONDS_MAX) {
            throw new IllegalArgumentException("--hold-seconds must be " + HOLD_SECONDS_MIN + " to " + HOLD_SECONDS_MAX
                    + " (the systems' limits)");
        }
        if (payAfterMs < 0 || payAfterMs > PAY_AFTER_MS_MAX) {
            throw new IllegalArgumentException("--pay-after-ms must be 0 to " + PAY_AFTER_MS_MAX);
        }
        if (!(abandonShare >= 0 && abandonShare <= 1)) {
            throw new IllegalArgumentException("--abandon-share must be 0 to 1");
        }
    }

    /**
     * Whether the client of request i never pays: drawn from the request's index alone, so that every system sees
     * the same clients abandon.
     */
    boolean abandons(int request) {
        long z = (request + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 < abandonShare;
    }

    /** The reference request i pays with: unique per request, 1-100 printable characters. */
    static String reference(int request) {
        return "psp_bench_" + request;
    }
}
