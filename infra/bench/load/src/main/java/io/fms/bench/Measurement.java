package io.fms.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The figures of one system's run, computed from its {@link Outcomes}, as JSON-ready snake_case entries. */
final class Measurement {

    static final long SECOND_NS = 1_000_000_000L;

    private Measurement() {}

    /**
     * @param asynchronous FMS: a 2xx is intake and the decision comes later; the baselines answer with the decision
     */
    static Map<String, Object> of(Outcomes o, boolean asynchronous) {
        Map<String, Object> m = new LinkedHashMap<>();
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
        m.put("requests_sent", sent);
        m.put("answered", answered);
        m.put("accepted_202", accepted);
        m.put("status_counts", statuses);
        m.put("transport_errors", errors);
        m.put("decided", decided);
        m.put("confirmed_bookings", confirmed);
        double intakeSeconds = sent == 0 ? Double.NaN : (lastAnswer - firstDue) / 1e9;
        m.put("intake_s", intakeSeconds);
        m.put("ingest_per_s", answered / intakeSeconds);
        double decideSeconds = decided == 0 ? Double.NaN : (lastDecision - firstDue) / 1e9;
        m.put("decisions_per_s", decided / decideSeconds);

        long[] accept = Outcomes.latencies(o.dueNs, o.answeredNs);
        m.put("accept_p50_ms", Outcomes.quantileMs(accept, 0.50));
        m.put("accept_p99_ms", Outcomes.quantileMs(accept, 0.99));
        m.put("accept_max_ms", Outcomes.quantileMs(accept, 1.0));
        long[] decide = Outcomes.latencies(o.dueNs, o.decidedNs);
        m.put("decide_p50_ms", Outcomes.quantileMs(decide, 0.50));
        m.put("decide_p90_ms", Outcomes.quantileMs(decide, 0.90));
        m.put("decide_p99_ms", Outcomes.quantileMs(decide, 0.99));
        m.put("decide_p999_ms", Outcomes.quantileMs(decide, 0.999));
        m.put("decide_max_ms", Outcomes.quantileMs(decide, 1.0));

        // The backlog: requests accepted by the time intake ended and decided only after; how fast it was worked off.
        int backlog = 0;
        for (int i = 0; i < o.size(); i++) {
            if (o.status[i] == 202 && (o.decidedNs[i] == 0 || o.decidedNs[i] > lastAnswer)) {
                backlog++;
            }
        }
        m.put("backlog_at_intake_end", backlog);
        double drainSeconds = Math.max(0, (lastDecision - lastAnswer) / 1e9);
        m.put("drain_s", asynchronous ? drainSeconds : 0.0);
        m.put("backlog_drain_per_s", asynchronous && drainSeconds > 0 ? backlog / drainSeconds : Double.NaN);
        if (asynchronous) {
            // Only the requests the door accepted: a 409 at the door is decided at once and would flatter the tail.
            long[] acceptedDecide = new long[accepted];
            int n = 0;
            for (int i = 0; i < o.size(); i++) {
                if (o.status[i] == 202 && o.decidedNs[i] != 0 && o.dueNs[i] != 0) {
                    acceptedDecide[n++] = Math.max(0, o.decidedNs[i] - o.dueNs[i]);
                }
            }
            acceptedDecide = java.util.Arrays.copyOf(acceptedDecide, n);
            java.util.Arrays.sort(acceptedDecide);
            m.put("decide_accepted_p50_ms", Outcomes.quantileMs(acceptedDecide, 0.50));
            m.put("decide_accepted_p99_ms", Outcomes.quantileMs(acceptedDecide, 0.99));
            long[] eventLag = Outcomes.latencies(o.decidedNs, o.observedNs);
            m.put("event_lag_p99_ms", Outcomes.quantileMs(eventLag, 0.99));
            // What a reader of fms.booking.events sees: from the request's due time to the event in hand.
            long[] seen = Outcomes.latencies(o.dueNs, o.observedNs);
            m.put("decision_seen_p50_ms", Outcomes.quantileMs(seen, 0.50));
            m.put("decision_seen_p99_ms", Outcomes.quantileMs(seen, 0.99));
        }
        m.put("timeline", timeline(o, firstDue));
        return m;
    }

    /** Answers and decisions per second of the run, second by second from the first request. */
    private static Map<String, int[]> timeline(Outcomes o, long origin) {
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
        Map<String, int[]> timeline = new LinkedHashMap<>();
        timeline.put("answers_per_s", answers);
        timeline.put("decisions_per_s", decisions);
        return timeline;
    }

    private static int bucket(long ns, long origin, int seconds) {
        return (int) Math.max(0, Math.min(seconds - 1, (ns - origin) / SECOND_NS));
    }
}
