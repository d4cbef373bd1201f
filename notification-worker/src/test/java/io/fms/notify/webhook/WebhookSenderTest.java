package io.fms.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingJson;
import io.fms.notify.TestEvents;
import io.fms.notify.TestProperties;
import io.fms.notify.TestReceiver;
import io.fms.notify.delivery.AttemptOutcome;
import io.fms.notify.delivery.AttemptResult;
import io.fms.notify.delivery.Channel;
import io.fms.notify.delivery.DueDelivery;
import io.fms.support.callback.CallbackUrlPolicy.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sender alone, against real loopback receivers; names are resolved by a table, not by DNS. */
class WebhookSenderTest {

    private static final String SECRET = "unit-secret";

    private static final HostResolver TABLE = host -> {
        // rebind.test: public when booking-api checked it, 10.0.0.1 by the time the worker sends (DNS rebinding).
        String address = Map.of(
                        "receiver.test", "127.0.0.1", "rebind.test", "10.0.0.1", "metadata.test", "169.254.169.254")
                .get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    };

    private static WebhookSender sender(boolean allowLoopback) {
        var properties = TestProperties.of(SECRET, allowLoopback);
        return new WebhookSender(properties, WebhookHttpClient.create(properties), TABLE, Clock.systemUTC());
    }

    private static DueDelivery delivery(String url) {
        return delivery(url, null);
    }

    /** A claimed first attempt at a webhook of a confirmation, its event carrying {@code traceparent} (or none). */
    private static DueDelivery delivery(String url, String traceparent) {
        var event = TestEvents.confirmed(null, url);
        return new DueDelivery(
                1,
                event.eventId(),
                event.bookingId(),
                Channel.WEBHOOK,
                url,
                0,
                Instant.now(),
                null,
                "BookingConfirmed",
                BookingJson.write(event),
                0,
                0,
                Instant.now().plusSeconds(60),
                traceparent);
    }

    @Test
    void connectsToTheCheckedAddressWhileTheHostHeaderKeepsTheName() throws Exception {
        try (var receiver = TestReceiver.answering(202);
                var sender = sender(true)) {
            String url = "http://receiver.test:" + receiver.port() + "/hooks";
            AttemptResult result = sender.send(delivery(url), 1);

            assertThat(result.outcome()).isEqualTo(AttemptOutcome.SUCCESS);
            assertThat(result.statusCode()).isEqualTo(202);
            assertThat(receiver.requests()).singleElement().satisfies(request -> {
                assertThat(request.host()).isEqualTo("receiver.test:" + receiver.port());
                assertThat(WebhookSignatureVerifier.verify(
                                SECRET, request.signature(), request.body(), Instant.now(), Duration.ofMinutes(5)))
                        .isTrue();
            });
        }
    }

    @Test
    void theEventsTraceparentGoesOnToTheReceiverAndNoneIsMadeUpWithoutOne() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        try (var receiver = TestReceiver.answering(204);
                var sender = sender(true)) {
            String url = "http://receiver.test:" + receiver.port() + "/hooks";
            DueDelivery untraced = delivery(url);
            DueDelivery traced = delivery(url, traceparent);

            assertThat(sender.send(traced, 1).outcome()).isEqualTo(AttemptOutcome.SUCCESS);
            assertThat(sender.send(untraced, 1).outcome()).isEqualTo(AttemptOutcome.SUCCESS);

            assertThat(receiver.requests()).hasSize(2);
            assertThat(receiver.requests().get(0).headers())
                    .containsEntry("traceparent", java.util.List.of(traceparent));
            assertThat(receiver.requests().get(1).headers()).doesNotContainKey("traceparent");
        }
    }

    @Test
    void withLoopbackNotAllowedTheSendTimeCheckRefusesALoopbackReceiverBeforeConnecting() throws Exception {
        try (var receiver = TestReceiver.answering(200);
                var sender = sender(false)) {
            for (String url : new String[] {
                receiver.url(),
                "http://receiver.test:" + receiver.port() + "/hooks",
                "http://[::ffff:127.0.0.1]:" + receiver.port() + "/hooks"
            }) {
                AttemptResult result = sender.send(delivery(url), 1);
                assertThat(result.outcome()).as(url).isEqualTo(AttemptOutcome.REFUSED);
                assertThat(result.error()).as(url).contains("loopback");
            }
            assertThat(receiver.requests()).isEmpty();
        }
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        try (var target = TestReceiver.answering(200);
                var redirecting = TestReceiver.answering(307);
                var sender = sender(true)) {
            AttemptResult result = sender.send(delivery(redirecting.url()), 1);

            assertThat(result.outcome()).isEqualTo(AttemptOutcome.HTTP_ERROR);
            assertThat(result.statusCode()).isEqualTo(307);
            assertThat(redirecting.requests()).hasSize(1);
            assertThat(target.requests()).isEmpty();
        }
    }

    @Test
    void aRedirectToTheMetadataServiceIsNotFollowed() throws Exception {
        try (var redirecting = TestReceiver.answering(302).redirectingTo("http://169.254.169.254/latest/meta-data/");
                var sender = sender(true)) {
            AttemptResult result = sender.send(delivery(redirecting.url()), 1);

            // Were it followed, the connection to 169.254.169.254 would fail or time out instead.
            assertThat(result.outcome()).isEqualTo(AttemptOutcome.HTTP_ERROR);
            assertThat(result.statusCode()).isEqualTo(302);
            assertThat(redirecting.requests()).hasSize(1);
        }
    }

    @Test
    void aNameThatNowResolvesToAPrivateAddressIsRefusedAtSendTimeAndTheReasonRecorded() throws Exception {
        try (var sender = sender(true)) {
            for (String url : new String[] {"http://rebind.test/hooks", "https://metadata.test:8443/x"}) {
                AttemptResult result = sender.send(delivery(url), 1);
                assertThat(result.outcome()).as(url).isEqualTo(AttemptOutcome.REFUSED);
                assertThat(result.error())
                        .as(url)
                        .containsAnyOf("10.0.0.1, a private", "169.254.169.254, a cloud metadata");
            }
        }
    }

    @Test
    void everyRefusedKindIsRefusedAtSendTimeToo() throws Exception {
        try (var sender = sender(false)) {
            for (String url : new String[] {
                "http://10.0.0.1/",
                "http://172.16.0.1/",
                "http://192.168.1.1/",
                "http://169.254.169.254/",
                "http://[::1]/",
                "http://[fc00::1]/",
                "http://[fe80::1]/",
                "http://[::ffff:10.0.0.1]/",
                "http://0.0.0.0/",
                "http://224.0.0.1/",
                "http://2130706433/",
                "http://0x7f.1/",
                "http://0177.0.0.1/",
                "http://evil@10.0.0.1/",
                "file:///etc/passwd",
                "gopher://public.example/",
                "ftp://public.example/"
            }) {
                assertThat(sender.send(delivery(url), 1).outcome()).as(url).isEqualTo(AttemptOutcome.REFUSED);
            }
        }
    }

    @Test
    void aNameThatDoesNotResolveIsRetryableAndAMalformedUrlIsNot() throws Exception {
        try (var sender = sender(true)) {
            assertThat(sender.send(delivery("http://nowhere.test/hooks"), 1).outcome())
                    .isEqualTo(AttemptOutcome.UNRESOLVED);
            assertThat(sender.send(delivery("file:///etc/passwd"), 1).outcome()).isEqualTo(AttemptOutcome.REFUSED);
        }
    }

    @Test
    void withoutASecretNothingIsSent() throws Exception {
        try (var receiver = TestReceiver.answering(200)) {
            var properties = TestProperties.of(null, true);
            try (var sender =
                    new WebhookSender(properties, WebhookHttpClient.create(properties), TABLE, Clock.systemUTC())) {
                assertThat(sender.send(delivery(receiver.url()), 1).outcome())
                        .isEqualTo(AttemptOutcome.INVALID_MESSAGE);
            }
            assertThat(receiver.requests()).isEmpty();
        }
    }
}
