package io.fms.chaos;

import java.time.Duration;
import java.util.List;

/** A line of the report table. */
record Row(
        String fault,
        int requests,
        int accepted,
        int decided,
        int lost,
        int doubleBooked,
        int duplicated,
        Duration recovery,
        List<String> notes,
        List<String> failures) {

    static final String HEADER = "| fault | requests | 202s | decided | lost | double-booked | duplicated | recovery |"
            + " result | notes |\n|---|---:|---:|---:|---:|---:|---:|---:|---|---|";

    String markdown() {
        String result = failures.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", failures);
        return "| " + fault + " | " + requests + " | " + accepted + " | " + decided + " | " + lost + " | "
                + doubleBooked + " | " + duplicated + " | " + String.format("%.1f s", recovery.toMillis() / 1000.0)
                + " | " + result.replace("|", "/") + " | "
                + String.join("; ", notes).replace("|", "/") + " |";
    }
}
