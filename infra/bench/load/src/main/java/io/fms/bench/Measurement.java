package io.fms.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param turnedAwayAtDoor FMS only: {@code 409}s of the API (trip known sold out), decided without the processor
 * @param acceptedPath the decisions made by the system's booking path: for FMS the processor's (of the {@code 202}s,
 *     its own rejections included), for a baseline every answer (it has no door)
 * @param confirmedPerS confirmed bookings over the time from the first request to the last decision
 * @param selloutS from the first request until every trip had been full at least once (cancellations free seats
 *     again); NaN when some trip never was
 * @param accepted FMS only (null for the baselines, and then absent from the JSON)
 * @param holds the "with holds" variant only (else null and absent from the JSON); {@code confirmedBookings} and
 *     {@code confirmedPerS} count paid holds as confirmed, never a hold that was not paid
 */
public record Measurement(
        int requestsSent,
        int answered,
        @JsonProperty("accepted_202") int accepted202,
        Map<String, Integer> statusCounts,
        int transportErrors,
        int decided,
        int confirmedBookings,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer turnedAwayAtDoor,
        @JsonUnwrapped(prefix = "accepted_path_") AcceptedPath acceptedPath,
        int cancelled,

        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonUnwrapped
        Holds holds,

        double intakeS,
        double ingestPerS,
        double decisionsPerS,
        double confirmedPerS,
        double selloutS,
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

    /**
     * What happened to the holds: decided HELD, paid by their client (the others abandoned them), and confirmed by
     * that payment. How many expired is the ledger's to say ({@link Checks.HoldsLeft}).
     */
    public record Holds(int held, int paymentsSent, int paid) {}

    /** The decisions of the system's own booking path, apart from any door in front of it (holds: neither). */
    public record AcceptedPath(int decided, int confirmed, int rejected, double decisionsPerS) {}

    /** Answers and decisions per second of the run, second by second from the first request. */
    public record Timeline(int[] answersPerS, int[] decisionsPerS) {}

    /**
     * @param asynchronous FMS: a 2xx is intake and the decision comes later; the baselines answer with the decision
     */
    static Measurement of(Outcomes o, Workload workload, boolean asynchronous) {
        long firstDue = Long.MAX_VALUE;
        long lastAnswer = 0;
        long lastDecision = 0;
        int sent = 0;
        int answered = 0;
        int errors = 0;
        int decided = 0;
        int confirmed = 0;
        int door = 0;
        int pathDecided = 0;
        int pathConfirmed = 0;
        int pathHeld = 0;
        long lastPathDecision = 0;
        int cancelled = 0;
        int held = 0;
        int paymentsSent = 0;
        int paid = 0;
        long lastPaid = 0;
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
                boolean atDoor = asynchronous && o.status[i] == 409;
                if (atDoor) {
                    door++;
                } else {
                    pathDecided++;
                    lastPathDecision = Math.max(lastPathDecision, o.decidedNs[i]);
                    if (o.decision[i] == Outcomes.CONFIRMED) {
                        pathConfirmed++;
                    } else if (o.decision[i] == Outcomes.HELD) {
                        pathHeld++;
                    }
                }
            }
            if (o.cancelledNs[i] != 0) {
                cancelled++;
            }
            if (o.decision[i] == Outcomes.HELD && o.decidedNs[i] != 0) {
                held++;
                paymentsSent += o.paymentSent[i] ? 1 : 0;
                if (o.paidNs[i] != 0) {
                    paid++;
                    lastPaid = Math.max(lastPaid, o.paidNs[i]);
                }
            }
        }
        boolean holds = o.holdsPlayed;
        // A paid hold is a confirmed booking, confirmed when its payment was answered.
        confirmed += paid;
        double confirmedSeconds = Math.max(lastDecision, lastPaid) == 0
                ? Double.NaN
                : (Math.max(lastDecision, lastPaid) - firstDue) / 1e9;
        int accepted = asynchronous ? o.count(202) : 0;
        double intakeSeconds = sent == 0 ? Double.NaN : (lastAnswer - firstDue) / 1e9;
        double decideSeconds = decided == 0 ? Double.NaN : (lastDecision - firstDue) / 1e9;
        double pathSeconds = pathDecided == 0 ? Double.NaN : (lastPathDecision - firstDue) / 1e9;
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
                asynchronous ? door : null,
                new AcceptedPath(
                        pathDecided, pathConfirmed, pathDecided - pathConfirmed - pathHeld, pathDecided / pathSeconds),
                cancelled,
                holds ? new Holds(held, paymentsSent, paid) : null,
                intakeSeconds,
                answered / intakeSeconds,
                decided / decideSeconds,
                confirmed / (holds ? confirmedSeconds : decideSeconds),
                selloutSeconds(o, workload, firstDue),
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

    /**
     * When every trip had been full at least once: each trip's confirmations and holds (+ party) and cancellations
     * (- party) in time order, until its seats are all taken. A hold takes its seats from its decision; its expiry
     * (which the load does not see) is not counted.
     */
    static double selloutSeconds(Outcomes o, Workload workload, long origin) {
        int trips = workload.trips();
        int[] counts = new int[trips + 1];
        for (int i = 0; i < o.size(); i++) {
            if (takesSeats(o, i)) {
                counts[workload.trip(i) + 1] += o.cancelledNs[i] != 0 ? 2 : 1;
            }
        }
        for (int t = 0; t < trips; t++) {
            counts[t + 1] += counts[t];
        }
        // Per trip: time << 4 | cancelled << 3 | party, so that a sort orders them by time.
        long[] events = new long[counts[trips]];
        int[] next = Arrays.copyOf(counts, trips);
        for (int i = 0; i < o.size(); i++) {
            if (takesSeats(o, i)) {
                int t = workload.trip(i);
                events[next[t]++] = o.decidedNs[i] << 4 | workload.party(i);
                if (o.cancelledNs[i] != 0) {
                    events[next[t]++] = Math.max(o.cancelledNs[i], o.decidedNs[i]) << 4 | 8 | workload.party(i);
                }
            }
        }
        int capacity = workload.layout().capacity();
        long last = 0;
        for (int t = 0; t < trips; t++) {
            Arrays.sort(events, counts[t], counts[t + 1]);
            int booked = 0;
            long full = 0;
            for (int e = counts[t]; e < counts[t + 1] && full == 0; e++) {
                int party = (int) (events[e] & 7);
                booked += (events[e] & 8) != 0 ? -party : party;
                if (booked >= capacity) {
                    full = events[e] >>> 4;
                }
            }
            if (full == 0) {
                return Double.NaN;
            }
            last = Math.max(last, full);
        }
        return origin == Long.MAX_VALUE ? Double.NaN : (last - origin) / 1e9;
    }

    private static boolean takesSeats(Outcomes o, int i) {
        return (o.decision[i] == Outcomes.CONFIRMED || o.decision[i] == Outcomes.HELD) && o.decidedNs[i] != 0;
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
