package io.fms.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Made-up but deterministic outcomes and CPU samples, so that a report's every figure is known in advance. */
final class Fixtures {

    static final long MS = 1_000_000L;

    /** A stack nothing runs on: for what is computed or refused before anything starts. */
    static final Stack STACK = new Stack(
            Path.of("/nowhere"),
            URI.create("http://localhost:3000"),
            "key",
            "localhost:9092",
            "jdbc:postgresql://localhost:5432/fms",
            "fms",
            "fms",
            "localhost",
            6379);

    private Fixtures() {}

    /**
     * {@code size} requests 1 ms apart, answered after 0.3 to 2.1 ms. FMS ({@code asynchronous}): every tenth is a
     * 409 at the door, the rest 202s decided 10 to 70 ms later and read from Kafka 2 ms after that, two never
     * decided. A baseline: every third a 409, the rest 200s, every fifth of those confirmed. Request 5 fails
     * without an answer.
     */
    static Outcomes outcomes(int size, boolean asynchronous) {
        Outcomes o = new Outcomes(size);
        for (int i = 0; i < size; i++) {
            long due = 1_000 * MS + i * MS;
            o.dueNs[i] = due;
            o.answeredNs[i] = due + (i % 7 + 1) * 300_000L;
            if (i == 5) {
                o.status[i] = Outcomes.TRANSPORT_ERROR;
                continue;
            }
            o.bookingMsb[i] = i + 1;
            o.bookingLsb[i] = 7;
            boolean turnedAway = asynchronous ? i % 10 == 0 : i % 3 == 0;
            if (turnedAway) {
                o.status[i] = 409;
                o.decision[i] = Outcomes.REJECTED;
                o.decidedNs[i] = o.answeredNs[i];
            } else if (asynchronous) {
                o.status[i] = 202;
                if (i != 7 && i != size - 1) {
                    o.decidedNs[i] = due + (i % 13 + 2) * 5 * MS;
                    o.observedNs[i] = o.decidedNs[i] + 2 * MS;
                    o.decision[i] = i % 4 == 0 ? Outcomes.REJECTED : Outcomes.CONFIRMED;
                }
            } else {
                o.status[i] = 200;
                o.decidedNs[i] = o.answeredNs[i];
                o.decision[i] = i % 5 == 0 ? Outcomes.CONFIRMED : Outcomes.REJECTED;
            }
        }
        return o;
    }

    /** CPU seconds so far of the stack's process trees (and the baseline's, when {@code baseline}). */
    static Map<String, Double> processes(double scale, boolean baseline) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("booking-api", 10 * scale);
        seconds.put("booking-processor", 20 * scale);
        seconds.put("notification-worker", 1 * scale);
        seconds.put("kafka", 5 * scale);
        seconds.put("postgres", 3 * scale);
        seconds.put("redis", 0.5 * scale);
        if (baseline) {
            seconds.put("baseline", 2 * scale);
        }
        return seconds;
    }
}
