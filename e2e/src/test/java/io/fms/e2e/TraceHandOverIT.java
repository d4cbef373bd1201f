package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fms.e2e.FmsClient.Answer;
import io.fms.e2e.FmsClient.BookingRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A request's W3C traceparent is handed on through the whole pipeline: the booking's webhook POST carries the same
 * trace ID, through the command on Kafka, the processor's batch, the event and the worker's delivery log. The
 * cancellation, a request of its own, hands on its own trace.
 */
@ExtendWith(FmsStack.class)
class TraceHandOverIT {

    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(60);

    private record Webhook(String traceparent, JsonNode event) {}

    private final Queue<Webhook> webhooks = new ConcurrentLinkedQueue<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/traced", exchange -> {
            try (exchange) {
                webhooks.add(new Webhook(
                        exchange.getRequestHeaders().getFirst("traceparent"),
                        Json.tree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aBookingsTraceReachesItsWebhooks(RunningFms fms) {
        FmsClient client = fms.client();
        String tripId = client.createTrip(3, "ABC");
        String callback = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/traced";
        String bookingTrace = randomHex(16);
        String cancellationTrace = randomHex(16);

        Answer booked = client.send(HttpRequest.newBuilder(
                        fms.service(FmsStack.API).baseUri().resolve("/api/v1/bookings"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("traceparent", traceparent(bookingTrace))
                .POST(HttpRequest.BodyPublishers.ofString(BookingRequest.of(tripId, List.of("Ada Lovelace"), null)
                        .withContact(null, callback)
                        .json())));
        assertThat(booked.status()).as("POST booking: %s", booked).isEqualTo(202);
        String bookingId = booked.json().path("bookingId").asString();
        assertThat(client.longPoll(bookingId, 30).status()).isEqualTo("CONFIRMED");

        Webhook confirmed = awaitWebhook(fms, bookingId, "BookingConfirmed");
        assertThat(confirmed.traceparent())
                .as("the confirmation's webhook")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(traceId(confirmed.traceparent())).isEqualTo(bookingTrace);

        Answer cancel = client.send(
                HttpRequest.newBuilder(fms.service(FmsStack.API).baseUri().resolve("/api/v1/bookings/" + bookingId))
                        .header("traceparent", traceparent(cancellationTrace))
                        .DELETE());
        assertThat(cancel.status()).as("DELETE booking: %s", cancel).isEqualTo(202);
        Webhook cancelled = awaitWebhook(fms, bookingId, "BookingCancelled");
        assertThat(traceId(cancelled.traceparent())).isEqualTo(cancellationTrace);
    }

    @Test
    void aBookingWithoutATraceparentGetsATraceOfItsOwn(RunningFms fms) {
        FmsClient client = fms.client();
        String tripId = client.createTrip(3, "ABC");
        String callback = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/traced";

        String first = client.bookAccepted(
                BookingRequest.of(tripId, List.of("Grace Hopper"), null).withContact(null, callback), null);
        String second = client.bookAccepted(
                BookingRequest.of(tripId, List.of("Alan Turing"), null).withContact(null, callback), null);

        String firstTrace = traceId(awaitWebhook(fms, first, "BookingConfirmed").traceparent());
        String secondTrace =
                traceId(awaitWebhook(fms, second, "BookingConfirmed").traceparent());
        assertThat(firstTrace).matches("[0-9a-f]{32}").isNotEqualTo(secondTrace);
    }

    private Webhook awaitWebhook(RunningFms fms, String bookingId, String type) {
        return await(type + " webhook for " + bookingId)
                .atMost(DELIVERY_BOUND)
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> webhooks.stream()
                                .filter(webhook -> webhook.event()
                                                .path("bookingId")
                                                .asString()
                                                .equals(bookingId)
                                        && webhook.event()
                                                .path("type")
                                                .asString()
                                                .equals(type))
                                .findFirst(),
                        found -> {
                            if (found.isEmpty() && !fms.service(FmsStack.WORKER).isAlive()) {
                                throw new AssertionError("notification-worker died" + fms.logTails(FmsStack.WORKER));
                            }
                            return found.isPresent();
                        })
                .orElseThrow();
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + randomHex(8) + "-01";
    }

    private static String traceId(String traceparent) {
        assertThat(traceparent).as("a traceparent header").isNotNull().hasSize(55);
        return traceparent.substring(3, 35);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C reserves as invalid
        return HexFormat.of().formatHex(random);
    }
}
