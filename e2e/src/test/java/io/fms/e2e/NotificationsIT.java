package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.e2e.FmsClient.BookingRequest;
import io.fms.e2e.WebhookReceiver.Webhook;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Decisions reach the client: a signed webhook to its callback URL and an email to its contact address. */
@Order(4)
@ExtendWith(FmsStack.class)
class NotificationsIT {

    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(60);
    private static final int FLAKY_FAILURES = 2;

    @RegisterExtension
    final WebhookReceiver receiver = new WebhookReceiver();

    @Test
    void confirmationAndCancellationAreSignedWebhooksAndEmails(RunningFms fms) throws Exception {
        FmsClient client = fms.client();
        String tripId = client.createTrip(3, "ABC");
        String email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String callback = receiver.url("/hooks/fms");

        String bookingId = client.bookAccepted(
                BookingRequest.of(tripId, List.of("Ada Lovelace"), List.of("2C"))
                        .withContact(email, callback),
                UUID.randomUUID().toString());
        assertThat(client.longPoll(bookingId, 30).status()).isEqualTo("CONFIRMED");

        Webhook confirmed = receiver.first(fms, bookingId, "BookingConfirmed");
        assertSigned(confirmed, fms.webhookSecret());
        awaitEmails(fms, email, 1);

        assertThat(client.cancel(bookingId).status()).isEqualTo(202);
        Webhook cancelled = receiver.first(fms, bookingId, "BookingCancelled");
        assertSigned(cancelled, fms.webhookSecret());
        assertThat(cancelled.header("FMS-Event-Id")).isNotEqualTo(confirmed.header("FMS-Event-Id"));
        awaitEmails(fms, email, 2);
    }

    @Test
    void aFailingReceiverGetsTheSameEventAgain(RunningFms fms) throws Exception {
        FmsClient client = fms.client();
        String tripId = client.createTrip(3, "ABC");
        // Fails the first deliveries it gets, as a receiver that is briefly down would.
        AtomicInteger calls = new AtomicInteger();
        String callback = receiver.url("/hooks/flaky", () -> calls.incrementAndGet() <= FLAKY_FAILURES ? 503 : 204);

        String bookingId = client.bookAccepted(
                BookingRequest.of(tripId, List.of("Grace Hopper"), null).withContact(null, callback),
                UUID.randomUUID().toString());
        assertThat(client.longPoll(bookingId, 30).status()).isEqualTo("CONFIRMED");

        List<Webhook> attempts = await("a delivery after " + FLAKY_FAILURES + " failed attempts")
                .atMost(DELIVERY_BOUND)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> receiver.about(bookingId), found -> found.size() > FLAKY_FAILURES);
        assertThat(attempts)
                .extracting(attempt -> attempt.header("FMS-Event-Id"))
                .containsOnly(attempts.getFirst().header("FMS-Event-Id"));
        assertThat(attempts)
                .extracting(Webhook::body)
                .containsOnly(attempts.getFirst().body());
        for (Webhook attempt : attempts) {
            assertSigned(attempt, fms.webhookSecret());
        }
    }

    private static void assertSigned(Webhook delivery, String secret) throws Exception {
        String signature = delivery.header("FMS-Signature");
        assertThat(signature).as("FMS-Signature of %s", delivery.body()).matches("t=\\d+,v1=[0-9a-f]{64}");
        Map<String, String> parts = Arrays.stream(signature.split(","))
                .map(part -> part.split("=", 2))
                .collect(java.util.stream.Collectors.toMap(part -> part[0], part -> part[1]));
        long sentAt = Long.parseLong(parts.get("t"));
        assertThat(Math.abs(Instant.now().getEpochSecond() - sentAt))
                .as("signature timestamp")
                .isLessThan(300);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of()
                .formatHex(mac.doFinal((parts.get("t") + "." + delivery.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(parts.get("v1"))
                .as("HMAC-SHA256 of t.body under the configured secret")
                .isEqualTo(expected);
        assertThat(delivery.header("FMS-Event-Id"))
                .as("FMS-Event-Id")
                .isEqualTo(Json.tree(delivery.body()).path("eventId").asString());
    }

    private static void awaitEmails(RunningFms fms, String recipient, int count) {
        await(count + " email(s) to " + recipient)
                .atMost(DELIVERY_BOUND)
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(Arrays.stream(fms.mail().getReceivedMessages())
                                .filter(message -> addressedTo(message, recipient)))
                        .hasSize(count));
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null
                    && Arrays.stream(to).anyMatch(address -> address.toString().contains(recipient));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
