package io.fms.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.notify.TestEvents;
import io.fms.notify.TestMail;
import io.fms.notify.TestReceiver;
import io.fms.notify.WorkerIntegrationTest;
import org.junit.jupiter.api.Test;

class DuplicateDeliveryIT extends WorkerIntegrationTest {

    @Test
    void theSameEventDeliveredTwiceByKafkaSendsOneEmailAndOneWebhook() throws Exception {
        try (var receiver = TestReceiver.answering(200)) {
            String to = TestEvents.uniqueEmail();
            var confirmed = TestEvents.confirmed(to, receiver.url());
            publish(confirmed);
            publish(confirmed);
            // Same booking, same key, same partition, after both copies: once it is stored, so were they.
            var cancelled = TestEvents.cancelled(confirmed);
            publish(cancelled);

            await().atMost(WAIT)
                    .until(() -> deliveryViews().findByBooking(confirmed.bookingId()).stream()
                                    .filter(d -> d.status() == DeliveryStatus.DELIVERED)
                                    .count()
                            == 4);

            assertThat(receiver.requestsFor(confirmed.eventId().toString())).hasSize(1);
            assertThat(receiver.requestsFor(cancelled.eventId().toString())).hasSize(1);
            assertThat(TestMail.messagesTo(to))
                    .extracting(m -> m.getSubject())
                    .containsExactlyInAnyOrder(
                            "Booking confirmed: FM101 LHR to JFK on 12 Jun 2026, seats 12A, 12B",
                            "Booking cancelled: FM101 LHR to JFK on 12 Jun 2026");
            assertThat(deliveries(confirmed))
                    .extracting(DeliveryView::channel)
                    .containsExactlyInAnyOrder(Channel.EMAIL, Channel.WEBHOOK);
            assertThat(deliveries(confirmed))
                    .allSatisfy(d -> assertThat(d.attempts()).hasSize(1));
            // A receiver tells the two apart, and their order, by the sequence in the body.
            assertThat(new String(receiver.requestsFor(cancelled.eventId().toString())
                            .getFirst()
                            .body()))
                    .contains("\"sequence\":2");
        }
    }
}
