package io.fms.bench;

import java.util.Arrays;

/**
 * What happened to each request of one run, indexed like the workload: primitive arrays, written by the connection
 * that sent the request (and, for FMS, by the decision watcher), read once the writers are done.
 */
final class Outcomes {

    static final short NOT_SENT = 0;
    static final short TRANSPORT_ERROR = -1;

    static final byte UNDECIDED = 0;
    static final byte CONFIRMED = 1;
    static final byte REJECTED = 2;
    /** The "with holds" variant: the decision held the seats; {@link #paidNs} says whether the payment confirmed it. */
    static final byte HELD = 3;

    /** When the request was due: the intended send time under open loop, the actual one under closed loop. */
    final long[] dueNs;

    final long[] answeredNs;
    final short[] status;
    /** The booking ID the answer named, as two halves; both 0 when it named none. */
    final long[] bookingMsb;

    final long[] bookingLsb;
    final byte[] decision;
    /** When the decision was made (for a synchronous answer: the answer itself); 0 while undecided. */
    final long[] decidedNs;
    /** For FMS: when the bench saw the decision event on Kafka; 0 otherwise. */
    final long[] observedNs;
    /** When the client's cancellation of a confirmed booking took effect (the seats free again); 0 if none did. */
    final long[] cancelledNs;
    /** A hold's client paid: when the answer said the booking is confirmed (0 if not, or not a hold). */
    final long[] paidNs;
    /** A hold's client sent its payment (it did not abandon the hold). */
    final boolean[] paymentSent;
    /** Whether the run played the "with holds" variant (its load paid holds); set before the run starts. */
    boolean holdsPlayed;

    Outcomes(int size) {
        dueNs = new long[size];
        answeredNs = new long[size];
        status = new short[size];
        bookingMsb = new long[size];
        bookingLsb = new long[size];
        decision = new byte[size];
        decidedNs = new long[size];
        observedNs = new long[size];
        cancelledNs = new long[size];
        paidNs = new long[size];
        paymentSent = new boolean[size];
    }

    int size() {
        return dueNs.length;
    }

    boolean hasBookingId(int i) {
        return bookingMsb[i] != 0 || bookingLsb[i] != 0;
    }

    int count(int httpStatus) {
        int n = 0;
        for (short s : status) {
            if (s == httpStatus) {
                n++;
            }
        }
        return n;
    }

    /** Sorted latencies in nanoseconds from {@code from} to {@code to} of every request where both are set. */
    static long[] latencies(long[] from, long[] to) {
        long[] values = new long[from.length];
        int n = 0;
        for (int i = 0; i < from.length; i++) {
            if (from[i] != 0 && to[i] != 0) {
                values[n++] = Math.max(0, to[i] - from[i]);
            }
        }
        long[] result = Arrays.copyOf(values, n);
        Arrays.sort(result);
        return result;
    }

    /** The q-quantile of sorted values in milliseconds, or NaN when there are none. */
    static double quantileMs(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
