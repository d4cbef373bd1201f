package io.fms.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.svix.Webhook;
import com.svix.exceptions.WebhookVerificationException;
import io.fms.events.BookingJson;
import io.fms.events.Topics;
import io.fms.notify.DeadLetterReader;
import io.fms.notify.TestEvents;
import io.fms.notify.TestReceiver;
import io.fms.notify.WorkerIntegrationTest;
import io.fms.notify.delivery.AttemptOutcome;
import io.fms.notify.delivery.Channel;
import io.fms.notify.delivery.DeadLetters;
import io.fms.notify.delivery.DeliveryStatus;
import io.fms.notify.delivery.DeliveryView;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookDeliveryIT extends WorkerIntegrationTest {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void signedWebhookVerifiesWithTheSecretAndFailsTamperedOrUnderAnotherSecret() throws Exception {
        try (var receiver = TestReceiver.answering(200)) {
            var event = TestEvents.confirmed(null, receiver.url());
            publish(event);

            await().atMost(WAIT).until(() -> !receiver.requests().isEmpty());
            var request = receiver.requests().getFirst();
            assertThat(request.eventId()).isEqualTo(event.eventId().toString());
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.body()).isEqualTo(BookingJson.write(event));
            assertThat(new String(request.body(), StandardCharsets.UTF_8)).contains("\"sequence\":1");
            assertThat(request.host()).isEqualTo("127.0.0.1:" + receiver.port());

            // First as a receiver would check it, without our classes: v1 is the HMAC-SHA256 of "<t>.<raw body>".
            String[] parts = request.signature().split(",");
            assertThat(parts[0]).startsWith("t=");
            assertThat(parts[1]).startsWith("v1=");
            long t = Long.parseLong(parts[0].substring(2));
            assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(60);
            assertThat(parts[1].substring(3)).isEqualTo(hmacHex(SECRET, t + "." + body(request)));

            // As the Standard Webhooks verifier libraries check it: webhook-id is the event ID, stable on retries.
            assertThat(request.headers().get("webhook-id"))
                    .containsExactly(event.eventId().toString());
            assertThat(request.headers().get("webhook-signature").getFirst()).startsWith("v1,");
            assertThatCode(() -> new Webhook(SECRET).verify(body(request), request.headers()))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> new Webhook(SECRET).verify(body(request).replace("12A", "12C"), request.headers()))
                    .isInstanceOf(WebhookVerificationException.class);
            assertThatThrownBy(() -> new Webhook("whsec_" + Base64.getEncoder().encodeToString(new byte[32]))
                            .verify(body(request), request.headers()))
                    .as("another secret")
                    .isInstanceOf(WebhookVerificationException.class);

            Instant now = Instant.now();
            assertThat(WebhookSignatureVerifier.verify(SECRET, request.signature(), request.body(), now, TOLERANCE))
                    .isTrue();
            byte[] tampered = body(request).replace("12A", "12C").getBytes(StandardCharsets.UTF_8);
            assertThat(tampered).isNotEqualTo(request.body());
            assertThat(WebhookSignatureVerifier.verify(SECRET, request.signature(), tampered, now, TOLERANCE))
                    .isFalse();
            assertThat(WebhookSignatureVerifier.verify(
                            "another-secret", request.signature(), request.body(), now, TOLERANCE))
                    .isFalse();
            assertThat(WebhookSignatureVerifier.verify(
                            SECRET, request.signature(), request.body(), now.plus(Duration.ofHours(1)), TOLERANCE))
                    .as("a replay an hour later")
                    .isFalse();

            await().atMost(WAIT)
                    .until(() -> delivery(event, Channel.WEBHOOK)
                            .map(d -> d.status() == DeliveryStatus.DELIVERED)
                            .orElse(false));
            DeliveryView view = delivery(event, Channel.WEBHOOK).orElseThrow();
            assertThat(view.attempts()).singleElement().satisfies(attempt -> {
                assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.SUCCESS);
                assertThat(attempt.statusCode()).isEqualTo(200);
            });
            assertThat(deliveries(event)).as("no contactEmail, so no email row").hasSize(1);
        }
    }

    @Test
    void theWebhookBodyIsTheRecordsValueAsPublishedNotAReEncoding() throws Exception {
        try (var receiver = TestReceiver.answering(200)) {
            var event = TestEvents.confirmed(null, receiver.url());
            // Valid JSON of the same event, but not the bytes BookingJson.write would produce from it.
            String json = new String(BookingJson.write(event), StandardCharsets.UTF_8);
            byte[] published = ("{ " + json.substring(1).replace(",", ", ")).getBytes(StandardCharsets.UTF_8);
            assertThat(BookingJson.readEvent(published)).isEqualTo(event);
            assertThat(published).isNotEqualTo(BookingJson.write(event));
            kafka.send(Topics.BOOKING_EVENTS, event.bookingId().toString(), published)
                    .get(10, TimeUnit.SECONDS);

            await().atMost(WAIT).until(() -> !receiver.requests().isEmpty());
            var request = receiver.requests().getFirst();
            assertThat(request.body()).isEqualTo(published);
            assertThat(WebhookSignatureVerifier.verify(
                            SECRET, request.signature(), published, Instant.now(), TOLERANCE))
                    .isTrue();
        }
    }

    @Test
    void twoFailuresThenSuccessMakeThreeAttemptsWithOneEventIdAndOneDeliveredRow() throws Exception {
        try (var receiver = TestReceiver.answering(500, 500, 200)) {
            var event = TestEvents.confirmed(null, receiver.url());
            publish(event);

            await().atMost(WAIT)
                    .until(() -> delivery(event, Channel.WEBHOOK)
                            .map(d -> d.status() == DeliveryStatus.DELIVERED)
                            .orElse(false));
            assertThat(receiver.requests()).hasSize(3);
            assertThat(receiver.requests())
                    .extracting(TestReceiver.Request::eventId)
                    .containsOnly(event.eventId().toString());
            // Backoff: the second retry waits at least half of twice the base (equal jitter).
            var times = receiver.requests().stream()
                    .map(TestReceiver.Request::receivedAt)
                    .toList();
            assertThat(Duration.between(times.get(1), times.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(100));

            DeliveryView view = delivery(event, Channel.WEBHOOK).orElseThrow();
            assertThat(view.attemptCount()).isEqualTo(3);
            assertThat(view.attempts())
                    .extracting(DeliveryView.Attempt::outcome, DeliveryView.Attempt::statusCode)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(AttemptOutcome.HTTP_ERROR, 500),
                            org.assertj.core.groups.Tuple.tuple(AttemptOutcome.HTTP_ERROR, 500),
                            org.assertj.core.groups.Tuple.tuple(AttemptOutcome.SUCCESS, 200));
            assertThat(view.attempts())
                    .allSatisfy(a -> assertThat(a.latencyMs()).isNotNegative());
            assertThat(view.firstAttemptAt()).isNotNull();
        }
    }

    @Test
    void aHangingReceiverIsCutOffByTheTimeout() throws Exception {
        try (var receiver = TestReceiver.answering(TestReceiver.HANG)) {
            var event = TestEvents.confirmed(null, receiver.url());
            publish(event);

            await().atMost(WAIT)
                    .until(() -> delivery(event, Channel.WEBHOOK)
                            .map(d -> !d.attempts().isEmpty())
                            .orElse(false));
            var first =
                    delivery(event, Channel.WEBHOOK).orElseThrow().attempts().getFirst();
            assertThat(first.outcome()).isEqualTo(AttemptOutcome.TIMEOUT);
            assertThat(first.statusCode()).isNull();
            // read timeout 500 ms, whole-request deadline 1 s
            assertThat(first.latencyMs()).isBetween(400L, 2_500L);
            assertThat(receiver.requests()).isNotEmpty();
        }
    }

    @Test
    void gone410StopsRetryingAtOnce() throws Exception {
        try (var receiver = TestReceiver.answering(410, 200)) {
            var event = TestEvents.confirmed(null, receiver.url());
            publish(event);

            var deadLetter = DeadLetterReader.find(
                    r -> event.eventId().toString().equals(DeadLetterReader.header(r, DeadLetters.HEADER_EVENT_ID)),
                    WAIT);
            assertThat(deadLetter).isPresent();
            DeliveryView view = delivery(event, Channel.WEBHOOK).orElseThrow();
            assertThat(view.status()).isEqualTo(DeliveryStatus.DEAD);
            assertThat(view.attempts()).singleElement().satisfies(a -> {
                assertThat(a.outcome()).isEqualTo(AttemptOutcome.GONE);
                assertThat(a.statusCode()).isEqualTo(410);
            });
            assertThat(view.nextAttemptAt()).isNull();
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Test
    void aReceiverDownPastTheHorizonEndsDeadAndOnTheDeadLetterTopic() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var event = TestEvents.confirmed(null, "http://127.0.0.1:" + closedPort + "/hooks/fms");
        publish(event);

        var deadLetter = DeadLetterReader.find(
                r -> event.eventId().toString().equals(DeadLetterReader.header(r, DeadLetters.HEADER_EVENT_ID)), WAIT);
        assertThat(deadLetter).isPresent();
        var record = deadLetter.get();
        assertThat(record.key()).isEqualTo(event.bookingId().toString());
        assertThat(record.value()).isEqualTo(BookingJson.write(event));
        assertThat(DeadLetterReader.header(record, DeadLetters.HEADER_CHANNEL)).isEqualTo("WEBHOOK");
        assertThat(DeadLetterReader.header(record, Topics.HEADER_TYPE)).isEqualTo("BookingConfirmed");
        assertThat(DeadLetterReader.header(record, Topics.HEADER_ERROR))
                .contains("retry horizon")
                .contains("connection refused");
        assertThat(DeadLetterReader.header(record, Topics.HEADER_ORIGIN_TOPIC)).isEqualTo(Topics.BOOKING_EVENTS);

        await().atMost(WAIT)
                .until(() -> delivery(event, Channel.WEBHOOK)
                        .map(d -> d.deadLetteredAt() != null)
                        .orElse(false));
        DeliveryView view = delivery(event, Channel.WEBHOOK).orElseThrow();
        assertThat(view.status()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(view.attempts().size()).isGreaterThan(2);
        assertThat(view.attempts()).allSatisfy(a -> assertThat(a.outcome()).isEqualTo(AttemptOutcome.CONNECTION_ERROR));
        // The last attempt was due inside the 3 s horizon (the next would have fallen outside it); it starts when
        // the dispatcher next polls, which on a loaded machine can be a little after it fell due.
        assertThat(Duration.between(view.createdAt(), view.attempts().getLast().attemptedAt()))
                .isLessThan(Duration.ofSeconds(4));
        assertThat(view.lastError()).contains("retry horizon");
    }

    @Test
    void sendTimeCheckRefusesAddressesThePolicyRefusesAndNothingReachesTheReceiver() throws Exception {
        try (var receiver = TestReceiver.answering(200)) {
            // Both name this machine, so even a broken check could reach no one else: 0.0.0.0 (unspecified) and
            // 2130706433 (127.0.0.1 as a decimal number, which resolvers disagree on).
            var unspecified = TestEvents.confirmed(null, "http://0.0.0.0:" + receiver.port() + "/hooks/fms");
            var decimal = TestEvents.confirmed(null, "http://2130706433:" + receiver.port() + "/hooks/fms");
            publish(unspecified);
            publish(decimal);

            for (var event : java.util.List.of(unspecified, decimal)) {
                await().atMost(WAIT)
                        .until(() -> delivery(event, Channel.WEBHOOK)
                                .map(d -> d.status() == DeliveryStatus.DEAD)
                                .orElse(false));
                DeliveryView view = delivery(event, Channel.WEBHOOK).orElseThrow();
                assertThat(view.attempts())
                        .singleElement()
                        .satisfies(a -> assertThat(a.outcome()).isEqualTo(AttemptOutcome.REFUSED));
            }
            assertThat(delivery(unspecified, Channel.WEBHOOK).orElseThrow().lastError())
                    .contains("unspecified");
            assertThat(delivery(decimal, Channel.WEBHOOK).orElseThrow().lastError())
                    .contains("dotted decimal");
            assertThat(receiver.requests()).isEmpty();
        }
    }

    private static String body(TestReceiver.Request request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    private static String hmacHex(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
