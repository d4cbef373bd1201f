package io.fms.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.events.Passenger;
import io.fms.notify.TestEvents;
import io.fms.notify.TestMail;
import io.fms.notify.WorkerIntegrationTest;
import io.fms.notify.delivery.AttemptOutcome;
import io.fms.notify.delivery.Channel;
import io.fms.notify.delivery.DeliveryStatus;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailDeliveryIT extends WorkerIntegrationTest {

    @Test
    void confirmationEmailNamesTheTripPassengersAndSeats() throws Exception {
        String to = TestEvents.uniqueEmail();
        var event = TestEvents.confirmed(to, null);
        publish(event);

        await().atMost(WAIT).until(() -> TestMail.messagesTo(to).size() == 1);
        MimeMessage message = TestMail.messagesTo(to).getFirst();
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(to);
        assertThat(message.getFrom()).extracting(Object::toString).containsExactly("bookings@fms.local");
        assertThat(message.getSubject())
                .isEqualTo("Booking confirmed: FM101 LHR to JFK on 12 Jun 2026, seats 12A, 12B");
        assertThat(message.getMessageID()).isEqualTo("<" + event.eventId() + ".booking@fms.local>");
        assertThat(message.getHeader(EmailSender.HEADER_EVENT_ID))
                .containsExactly(event.eventId().toString());

        String text = TestMail.part(message, "text/plain");
        String html = TestMail.part(message, "text/html");
        for (String body : List.of(text, html)) {
            assertThat(body)
                    .contains(event.bookingId().toString())
                    .contains("FM101")
                    .contains("LHR to JFK")
                    .contains("Fri 12 Jun 2026, 09:30 UTC")
                    .contains("Ada Lovelace")
                    .contains("Charles Babbage")
                    .contains("12A, 12B");
        }

        await().atMost(WAIT)
                .until(() -> delivery(event, Channel.EMAIL)
                        .map(d -> d.status() == DeliveryStatus.DELIVERED)
                        .orElse(false));
        assertThat(delivery(event, Channel.EMAIL).orElseThrow().attempts())
                .singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo(AttemptOutcome.SUCCESS));
        assertThat(deliveries(event)).as("no callbackUrl, so no webhook row").hasSize(1);
    }

    @Test
    void rejectionEmailGivesTheReasonAndEscapesWhatClientsWrote() throws Exception {
        String to = TestEvents.uniqueEmail();
        var event = TestEvents.rejected(to, List.of(new Passenger("<b>Eve</b> & \"Mallory\"")));
        publish(event);

        await().atMost(WAIT).until(() -> TestMail.messagesTo(to).size() == 1);
        MimeMessage message = TestMail.messagesTo(to).getFirst();
        assertThat(message.getSubject()).isEqualTo("Booking not confirmed: FM101 LHR to JFK on 12 Jun 2026");
        String text = TestMail.part(message, "text/plain");
        String html = TestMail.part(message, "text/html");
        assertThat(text).contains("these seats are no longer available: 3C, 3D").contains("<b>Eve</b> & \"Mallory\"");
        assertThat(html)
                .contains("these seats are no longer available: 3C, 3D")
                .contains("&lt;b&gt;Eve&lt;/b&gt; &amp; &quot;Mallory&quot;")
                .doesNotContain("<b>Eve</b>");
    }

    @Test
    void cancellationEmailNamesTheReleasedSeats() throws Exception {
        String to = TestEvents.uniqueEmail();
        var cancelled = TestEvents.cancelled(TestEvents.confirmed(to, null));
        publish(cancelled);

        await().atMost(WAIT).until(() -> TestMail.messagesTo(to).size() == 1);
        MimeMessage message = TestMail.messagesTo(to).getFirst();
        assertThat(message.getSubject()).isEqualTo("Booking cancelled: FM101 LHR to JFK on 12 Jun 2026");
        assertThat(TestMail.part(message, "text/plain")).contains("Seats released: 12A, 12B");
    }
}
