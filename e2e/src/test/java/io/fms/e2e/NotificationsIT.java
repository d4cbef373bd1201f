package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fms.e2e.FmsClient.BookingRequest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Decisions reach the client: a signed webhook to its callback URL and an email to its contact address. */
@Order(4)
@ExtendWith(FmsStack.class)
class NotificationsIT {

    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(60);
    private static final int FLAKY_FAILURES = 2;

    /** A POST the receiver got: the headers that matter and the raw body, as the signature covers it. */
    private record Delivery(String signature, String eventId, String body) {}

    private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/fms", exchange -> {
            try (exchange) {
                deliveries.add(new Delivery(
                        exchange.getRequestHeaders().getFirst("FMS-Signature"),
                        exchange.getRequestHeaders().getFirst("FMS-Event-Id"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        // Fails the first deliveries it gets, as a receiver that is briefly down would.
        AtomicInteger flakyCalls = new AtomicInteger();
        receiver.createContext("/hooks/flaky", exchange -> {
            try (exchange) {
                Delivery delivery = new Delivery(
                        exchange.getRequestHeaders().getFirst("FMS-Signature"),
                        exchange.getRequestHeaders().getFirst("FMS-Event-Id"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                deliveries.add(delivery);
                exchange.sendResponseHeaders(flakyCalls.incrementAndGet() <= FLAKY_FAILURES ? 503 : 204, -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void confirmationAndCancellationAreSignedWebhooksAndEmails(RunningFms fms) throws Exception {
        FmsClient client = fms.client();
        String tripId = client.createTrip(3, "ABC");
        String email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String callback = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/fms";

        String bookingId = client.bookAccepted(
                BookingRequest.of(tripId, List.of("Ada Lovelace"), List.of("2C"))
                        .withContact(email, callback),
                UUID.randomUUID().toString());
        assertThat(client.longPoll(bookingId, 30).status()).isEqualTo("CONFIRMED");

        Delivery confirmed = awaitWebhook(fms, bookingId, "BookingConfirmed");
        assertSigned(confirmed, fms.webhookSecret());
        awaitEmails(fms, email, 1);

        assertThat(client.cancel(bookingId).status()).isEqualTo(202);
        Delivery cancelled = awaitWebhook(fms, bookingId, "BookingCancelled");
        assertSigned(cancelled, fms.webhookSecret());
        assertThat(cancelled.eventId()).isNotEqualTo(confirmed.eventId());
        awaitEmails(fms, email, 2);
    }

    @Test
    void aFailingReceiverGetsTheSameEventAgain(RunningFms fms) throws Exception {
        FmsClient client = fms.client();
        String tripId = client.createTrip(3, "ABC");
        String callback = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/flaky";

        String bookingId = client.bookAccepted(
                BookingRequest.of(tripId, List.of("Grace Hopper"), null).withContact(null, callback),
                UUID.randomUUID().toString());
        assertThat(client.longPoll(bookingId, 30).status()).isEqualTo("CONFIRMED");

        List<Delivery> attempts = await("a delivery after " + FLAKY_FAILURES + " failed attempts")
                .atMost(DELIVERY_BOUND)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> deliveriesOf(bookingId), found -> found.size() > FLAKY_FAILURES);
        assertThat(attempts)
                .extracting(Delivery::eventId)
                .containsOnly(attempts.getFirst().eventId());
        assertThat(attempts)
                .extracting(Delivery::body)
                .containsOnly(attempts.getFirst().body());
        for (Delivery attempt : attempts) {
            assertSigned(attempt, fms.webhookSecret());
        }
    }

    private List<Delivery> deliveriesOf(String bookingId) {
        return deliveries.stream()
                .filter(delivery ->
                        Json.tree(delivery.body()).path("bookingId").asString().equals(bookingId))
                .toList();
    }

    private Delivery awaitWebhook(RunningFms fms, String bookingId, String type) {
        return await(type + " webhook for " + bookingId)
                .atMost(DELIVERY_BOUND)
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> deliveries.stream()
                                .filter(delivery -> {
                                    JsonNode event = Json.tree(delivery.body());
                                    return event.path("bookingId").asString().equals(bookingId)
                                            && event.path("type").asString().equals(type);
                                })
                                .findFirst(),
                        found -> {
                            if (found.isEmpty() && !fms.service(FmsStack.WORKER).isAlive()) {
                                throw new AssertionError("notification-worker died" + fms.logTails(FmsStack.WORKER));
                            }
                            return found.isPresent();
                        })
                .orElseThrow();
    }

    private static void assertSigned(Delivery delivery, String secret) throws Exception {
        assertThat(delivery.signature()).as("FMS-Signature of %s", delivery).matches("t=\\d+,v1=[0-9a-f]{64}");
        Map<String, String> parts = Arrays.stream(delivery.signature().split(","))
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
        assertThat(delivery.eventId())
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
