package io.fms.processor.batch;

import io.fms.events.BookingStatus;
import io.fms.processor.BookingMetrics;
import io.fms.processor.decision.BatchDecisions;
import io.fms.processor.decision.BookingRecord;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What a committed batch decided, as counters for the operator and log lines for the commands that changed nothing. */
@Component
class BatchOutcomes {

    private static final Logger log = LoggerFactory.getLogger(BatchOutcomes.class);

    private final BookingMetrics metrics;

    BatchOutcomes(BookingMetrics metrics) {
        this.metrics = metrics;
    }

    void count(BatchDecisions decisions, int deadLettered) {
        // Counted per outcome and batch: looking a counter up per booking costs more than deciding it.
        Map<String, Map<String, Long>> outcomes = new HashMap<>();
        for (BookingRecord booking : decisions.decided()) {
            outcomes.computeIfAbsent(booking.status().name().toLowerCase(), status -> new HashMap<>())
                    .merge(booking.reason() == null ? "none" : booking.reason().name(), 1L, Long::sum);
        }
        outcomes.forEach(
                (outcome, reasons) -> reasons.forEach((reason, count) -> metrics.decided(outcome, reason, count)));
        for (BatchDecisions.Change change : decisions.changed()) {
            if (change.after().status() != change.before().status()) {
                metrics.decided(
                        change.after().status().name().toLowerCase(),
                        change.after().reason() == null
                                ? "none"
                                : change.after().reason().name(),
                        1);
            }
        }
        metrics.duplicates(decisions.duplicates().size());
        metrics.ignoredCancellations(decisions.ignored().size());
        metrics.deadLettered(deadLettered);
        log(decisions);
    }

    private static void log(BatchDecisions decisions) {
        decisions
                .duplicates()
                .forEach(duplicate -> log.info(
                        "booking {} already decided ({}), not decided again",
                        duplicate.bookingId(),
                        duplicate.status()));
        decisions
                .ignored()
                .forEach(ignored -> log.info(
                        "command for booking {} on trip {} ignored: {}",
                        ignored.bookingId(),
                        ignored.tripId(),
                        ignored.why()));
        if (log.isDebugEnabled()) {
            long confirmed = decisions.decided().stream()
                    .filter(booking -> booking.status() == BookingStatus.CONFIRMED)
                    .count();
            log.debug(
                    "batch decided {} ({} confirmed), changed {}",
                    decisions.decided().size(),
                    confirmed,
                    decisions.changed().size());
        }
    }
}
