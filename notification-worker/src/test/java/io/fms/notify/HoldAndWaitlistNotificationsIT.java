package io.fms.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.svix.Webhook;
import com.svix.exceptions.WebhookVerificationException;
import io.fms.events.BookingEvent;
import io.fms.events.BookingJson;
import io.fms.events.RejectionReason;
import io.fms.events.Topics;
import io.fms.notify.delivery.Channel;
import io.fms.notify.delivery.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The events of holds and waitlists, through the whole worker to a real SMTP server and a real HTTP receiver.
 * Delivery is at least once: on a loaded machine an attempt can outlive the short lease these tests run with and be
 * made again, so each event's email and webhook are looked for by its ID, and every copy must be the same.
 */
class HoldAndWaitlistNotificationsIT extends WorkerIntegrationTest {

    private static final Instant HELD_AT = Instant.parse("2027-06-01T13:50:00.250Z");

    @Autowired
    MeterRegistry meters;

    @Test
    void aHoldAndItsExpiryEachReachTheInboxAndTheReceiverSignedAsStandardWebhooksSay() throws Exception {
        try (var receiver = TestReceiver.answering(200)) {
            String to = TestEvents.uniqueEmail();
            var held = TestEvents.held(to, receiver.url(), HELD_AT, Duration.ofMinutes(15));
            var expired = TestEvents.expired(held);
            double heldWebhooksBefore = delivered(Channel.WEBHOOK, "BookingHeld");
            double expiredEmailsBefore = delivered(Channel.EMAIL, "BookingExpired");

            publish(held);
            publish(expired);
            awaitDelivered(held);
            awaitDelivered(expired);

            MimeMessage heldEmail = email(to, held);
            assertThat(heldEmail.getSubject())
                    .isEqualTo("Seats held, pay by 14:05 UTC on 1 June 2027: FM101 LHR to JFK on 12 Jun 2026");
            for (String body : List.of(TestMail.part(heldEmail, "text/plain"), TestMail.part(heldEmail, "text/html"))) {
                assertThat(body)
                        .contains(held.bookingId().toString())
                        .contains("Your seats 12A, 12B are held for 15 minutes."
                                + " Pay by 14:05 UTC on 1 June 2027 to keep them.");
            }
            MimeMessage expiredEmail = email(to, expired);
            assertThat(expiredEmail.getSubject())
                    .isEqualTo("Hold ended, seats released: FM101 LHR to JFK on 12 Jun 2026");
            assertThat(TestMail.part(expiredEmail, "text/plain"))
                    .contains("Seats released: 12A, 12B")
                    .contains("If you paid after the deadline, that payment will be refunded");

            assertThat(signedAsPublished(receiver, held, "BookingHeld"))
                    .contains("\"holdExpiresAt\":\"2027-06-01T14:05:00.250Z\"");
            assertThat(signedAsPublished(receiver, expired, "BookingExpired"))
                    .contains("\"releasedSeats\":[\"12A\",\"12B\"]");

            // Counted once the outcome is recorded, so they may trail the rows by a moment.
            await().atMost(WAIT).until(() -> delivered(Channel.WEBHOOK, "BookingHeld") >= heldWebhooksBefore + 1);
            await().atMost(WAIT).until(() -> delivered(Channel.EMAIL, "BookingExpired") >= expiredEmailsBefore + 1);
        }
    }

    @Test
    void aPlaceInLineAPaidConfirmationAndAFullWaitlistReachBothChannels() throws Exception {
        try (var receiver = TestReceiver.answering(200)) {
            String to = TestEvents.uniqueEmail();
            var waiting = TestEvents.waitlisted(to, receiver.url(), 7);
            var paid = TestEvents.paid(TestEvents.held(to, receiver.url(), HELD_AT, Duration.ofMinutes(5)), "psp_8842");
            var refused = TestEvents.rejected(to, receiver.url(), RejectionReason.WAITLIST_FULL);
            for (BookingEvent event : List.of(waiting, paid, refused)) {
                publish(event);
            }
            for (BookingEvent event : List.of(waiting, paid, refused)) {
                awaitDelivered(event);
            }

            assertThat(TestMail.part(email(to, waiting), "text/plain")).contains("you are number 7 in line");
            assertThat(TestMail.part(email(to, paid), "text/plain"))
                    .contains("We have received your payment")
                    .contains("Payment reference: psp_8842");
            assertThat(TestMail.part(email(to, refused), "text/plain")).contains("its waitlist is full");

            assertThat(signedAsPublished(receiver, waiting, "BookingWaitlisted"))
                    .contains("\"waitlistPosition\":7");
            assertThat(signedAsPublished(receiver, paid, "BookingConfirmed"))
                    .contains("\"paymentReference\":\"psp_8842\"");
            assertThat(signedAsPublished(receiver, refused, "BookingRejected"))
                    .contains("\"reason\":\"WAITLIST_FULL\"");
        }
    }

    @Test
    void anExpiryWhoseWebhookDiesGoesToTheDeadLetterTopicUnderItsType() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var held =
                TestEvents.held(null, "http://127.0.0.1:" + closedPort + "/hooks/fms", HELD_AT, Duration.ofMinutes(1));
        var expired = TestEvents.expired(held);
        publish(expired);

        var deadLetter = DeadLetterReader.find(
                r -> expired.eventId().toString().equals(DeadLetterReader.header(r, DeadLetters.HEADER_EVENT_ID)),
                WAIT);
        assertThat(deadLetter).isPresent();
        assertThat(DeadLetterReader.header(deadLetter.get(), Topics.HEADER_TYPE))
                .isEqualTo("BookingExpired");
        assertThat(DeadLetterReader.header(deadLetter.get(), DeadLetters.HEADER_CHANNEL))
                .isEqualTo("WEBHOOK");
        assertThat(deadLetter.get().value()).isEqualTo(BookingJson.write(expired));
    }

    private void awaitDelivered(BookingEvent event) {
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(deliveries(event))
                        .extracting(d -> d.channel() + " " + d.status())
                        .containsExactlyInAnyOrder("EMAIL DELIVERED", "WEBHOOK DELIVERED"));
    }

    /**
     * The receiver got the event's bytes as published under its event ID, and the specification's own verifier
     * accepts the signature: of this body under this secret, and of nothing else. Answers the body.
     */
    private static String signedAsPublished(TestReceiver receiver, BookingEvent event, String type) {
        List<TestReceiver.Request> requests =
                receiver.requestsFor(event.eventId().toString());
        assertThat(requests).isNotEmpty().allSatisfy(request -> {
            String body = new String(request.body(), StandardCharsets.UTF_8);
            assertThat(request.body()).isEqualTo(BookingJson.write(event));
            assertThat(body).startsWith("{\"type\":\"" + type + "\"");
            assertThat(request.headers().get("webhook-id"))
                    .containsExactly(event.eventId().toString());
            assertThatCode(() -> new Webhook(SECRET).verify(body, request.headers()))
                    .doesNotThrowAnyException();
            assertThatThrownBy(
                            () -> new Webhook(SECRET).verify(body.replace(type, "BookingCancelled"), request.headers()))
                    .isInstanceOf(WebhookVerificationException.class);
        });
        return new String(requests.getFirst().body(), StandardCharsets.UTF_8);
    }

    /** The event's email to {@code to}, known by its Message-ID; a repeat (at least once) is the same message. */
    private static MimeMessage email(String to, BookingEvent event) throws Exception {
        String messageId = "<" + event.eventId() + ".booking@fms.local>";
        List<MimeMessage> copies = new ArrayList<>();
        for (MimeMessage message : TestMail.messagesTo(to)) {
            if (messageId.equals(message.getMessageID())) {
                copies.add(message);
            }
        }
        assertThat(copies).as("emails %s to %s", messageId, to).isNotEmpty();
        for (MimeMessage copy : copies) {
            assertThat(copy.getSubject()).isEqualTo(copies.getFirst().getSubject());
            assertThat(TestMail.part(copy, "text/plain")).isEqualTo(TestMail.part(copies.getFirst(), "text/plain"));
        }
        return copies.getFirst();
    }

    private double delivered(Channel channel, String eventType) {
        var counter = meters.find("fms.notify.deliveries")
                .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                .tag("event", eventType)
                .tag("outcome", "delivered")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
