package io.fms.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one system's run, computed from its {@link Outcomes}. Latencies in milliseconds, NaN (JSON null)
 * where there is nothing to measure.
 *
 * @param accepted202 FMS only: a 2xx is intake and the decision comes later; 0 for the baselines
 * @param accepted FMS only (null for the baselines, and then absent from the JSON)
 */
public record Measurement(
        int requestsSent,
        int answered,
        @JsonProperty("accepted_202") int accepted202,
        Map<String, Integer> statusCounts,
        int transportErrors,
        int decided,
        int confirmedBookings,
        double intakeS,
        double ingestPerS,
        double decisionsPerS,
        double acceptP50Ms,
        double acceptP99Ms,
        double acceptMaxMs,
        double decideP50Ms,
        double decideP90Ms,
        double decideP99Ms,
        double decideP999Ms,
        double decideMaxMs,
        int backlogAtIntakeEnd,
        double drainS,
        double backlogDrainPerS,
        @JsonUnwrapped Accepted accepted,
        Timeline timeline) {

    static final long SECOND_NS = 1_000_000_000L;

    /**
     * What only an asynchronous system has: submit-to-decision of the requests the door accepted (a 409 at the door
     * is decided at once and would flatter the tail), and when a reader of fms.booking.events saw the decision.
     */
    public record Accepted(
            double decideAcceptedP50Ms,
            double decideAcceptedP99Ms,
            double eventLagP99Ms,
            double decisionSeenP50Ms,
            double decisionSeenP99Ms) {}

    /** Answers and decisions per second of the run, second by second from the first request. */
    public record Timeline(int[] answersPerS, int[] decisionsPerS) {}

    /**
     * @param asynchronous FMS: a 2xx is intake and the decision comes later; the baselines answer with the decision
     */
    static Measurement of(Outcomes o, boolean asynchronous) {
        long firstDue = Long.MAX_VALUE;
        long lastAnswer = 0;
        long lastDecision = 0;
        int sent = 0;
        int answered = 0;
        int errors = 0;
        int decided = 0;
        int confirmed = 0;
        Map<String, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < o.size(); i++) {
            if (o.dueNs[i] == 0) {
                continue;
            }
            sent++;
            firstDue = Math.min(firstDue, o.dueNs[i]);
            if (o.status[i] == Outcomes.TRANSPORT_ERROR) {
                errors++;
            } else if (o.status[i] > 0) {
                answered++;
                lastAnswer = Math.max(lastAnswer, o.answeredNs[i]);
                statuses.merge(String.valueOf(o.status[i]), 1, Integer::sum);
            }
            if (o.decidedNs[i] != 0) {
                decided++;
                lastDecision = Math.max(lastDecision, o.decidedNs[i]);
                if (o.decision[i] == Outcomes.CONFIRMED) {
                    confirmed++;
                }
            }
        }
        int accepted = asynchronous ? o.count(202) : 0;
        double intakeSeconds = sent == 0 ? Double.NaN : (lastAnswer - firstDue) / 1e9;
        double decideSeconds = decided == 0 ? Double.NaN : (lastDecision - firstDue) / 1e9;
        long[] accept = Outcomes.latencies(o.dueNs, o.answeredNs);
        long[] decide = Outcomes.latencies(o.dueNs, o.decidedNs);

        // The backlog: requests accepted by the time intake ended and decided only after; how fast it was worked off.
        int backlog = 0;
        for (int i = 0; i < o.size(); i++) {
            if (o.status[i] == 202 && (o.decidedNs[i] == 0 || o.decidedNs[i] > lastAnswer)) {
                backlog++;
            }
        }
        double drainSeconds = Math.max(0, (lastDecision - lastAnswer) / 1e9);
        return new Measurement(
                sent,
                answered,
                accepted,
                statuses,
                errors,
                decided,
                confirmed,
                intakeSeconds,
                answered / intakeSeconds,
                decided / decideSeconds,
                Outcomes.quantileMs(accept, 0.50),
                Outcomes.quantileMs(accept, 0.99),
                Outcomes.quantileMs(accept, 1.0),
                Outcomes.quantileMs(decide, 0.50),
                Outcomes.quantileMs(decide, 0.90),
                Outcomes.quantileMs(decide, 0.99),
                Outcomes.quantileMs(decide, 0.999),
                Outcomes.quantileMs(decide, 1.0),
                backlog,
                asynchronous ? drainSeconds : 0.0,
                asynchronous && drainSeconds > 0 ? backlog / drainSeconds : Double.NaN,
                asynchronous ? accepted(o, accepted) : null,
                timeline(o, firstDue));
    }

    private static Accepted accepted(Outcomes o, int accepted) {
        long[] acceptedDecide = new long[accepted];
        int n = 0;
        for (int i = 0; i < o.size(); i++) {
            if (o.status[i] == 202 && o.decidedNs[i] != 0 && o.dueNs[i] != 0) {
                acceptedDecide[n++] = Math.max(0, o.decidedNs[i] - o.dueNs[i]);
            }
        }
        acceptedDecide = Arrays.copyOf(acceptedDecide, n);
        Arrays.sort(acceptedDecide);
        long[] eventLag = Outcomes.latencies(o.decidedNs, o.observedNs);
        // From the request's due time to the decision event in a reader's hand.
        long[] seen = Outcomes.latencies(o.dueNs, o.observedNs);
        return new Accepted(
                Outcomes.quantileMs(acceptedDecide, 0.50),
                Outcomes.quantileMs(acceptedDecide, 0.99),
                Outcomes.quantileMs(eventLag, 0.99),
                Outcomes.quantileMs(seen, 0.50),
                Outcomes.quantileMs(seen, 0.99));
    }

    private static Timeline timeline(Outcomes o, long origin) {
        long last = 0;
        for (int i = 0; i < o.size(); i++) {
            last = Math.max(last, Math.max(o.answeredNs[i], o.decidedNs[i]));
        }
        int seconds = origin == Long.MAX_VALUE ? 0 : (int) Math.min(86_400, (last - origin) / SECOND_NS + 1);
        int[] answers = new int[seconds];
        int[] decisions = new int[seconds];
        for (int i = 0; i < o.size(); i++) {
            if (o.answeredNs[i] > 0 && o.status[i] > 0) {
                answers[bucket(o.answeredNs[i], origin, seconds)]++;
            }
            if (o.decidedNs[i] > 0) {
                decisions[bucket(o.decidedNs[i], origin, seconds)]++;
            }
        }
        return new Timeline(answers, decisions);
    }

    private static int bucket(long ns, long origin, int seconds) {
        return (int) Math.max(0, Math.min(seconds - 1, (ns - origin) / SECOND_NS));
    }
}
