package io.fms.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.notify.TestEvents;
import io.fms.notify.delivery.RetryPolicy.Delivered;
import io.fms.notify.delivery.RetryPolicy.RetryAt;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An attempt that outlives its claim must not overwrite what the delivery's next claimant recorded. On a database
 * of its own, so the running worker's dispatcher cannot claim these rows.
 */
class DeliveryLeaseIT {

    private static DeliveryLog deliveryLog;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        var fresh = FreshDeliveryLog.create();
        jdbc = fresh.jdbc();
        deliveryLog = fresh.deliveryLog();
    }

    @Test
    void anAttemptPastItsClaimRecordsNothingAndTheNewClaimantsOutcomeStands() {
        Instant start = Instant.parse("2026-11-24T10:00:00Z");
        var event = TestEvents.confirmed(null, "https://93.184.215.14/hooks/fms");
        deliveryLog.record(List.of(FreshDeliveryLog.pending(event, Channel.WEBHOOK, event.callbackUrl())), start);

        DueDelivery slow = deliveryLog
                .claimDue(Channel.WEBHOOK, 10, start.plusSeconds(1), start.plusSeconds(61))
                .getFirst();
        // The slow attempt's lease lapses; another dispatcher claims the delivery and its attempt succeeds.
        DueDelivery next = deliveryLog
                .claimDue(Channel.WEBHOOK, 10, start.plusSeconds(62), start.plusSeconds(122))
                .getFirst();
        assertThat(next.id()).isEqualTo(slow.id());
        Instant nextDone = start.plusSeconds(63);
        AttemptResult success = AttemptResult.success(200);
        boolean nextRecorded = deliveryLog.recordAttempt(
                next,
                1,
                start.plusSeconds(62),
                40,
                success,
                DeliveryTransition.after(new Delivered(), success, nextDone, nextDone));
        // Then the slow attempt comes back with a failure.
        Instant slowDone = start.plusSeconds(70);
        AttemptResult timeout = AttemptResult.failure(AttemptOutcome.TIMEOUT, "receiver did not answer in time");
        boolean slowRecorded = deliveryLog.recordAttempt(
                slow,
                1,
                start.plusSeconds(1),
                69_000,
                timeout,
                DeliveryTransition.after(new RetryAt(slowDone.plusSeconds(2)), timeout, slowDone, slowDone));

        assertThat(nextRecorded).isTrue();
        assertThat(slowRecorded).isFalse();
        DeliveryView view =
                new DeliveryViews(jdbc).findByBooking(event.bookingId()).getFirst();
        assertThat(view.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(view.attempts())
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.SUCCESS));
    }
}
