package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.e2e.FmsClient.Answer;
import io.fms.e2e.FmsClient.BookingRequest;
import io.fms.e2e.WebhookReceiver.Webhook;
import java.net.http.HttpRequest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request's W3C traceparent is handed on through the whole pipeline: the booking's webhook POST carries the same
 * trace ID, through the command on Kafka, the processor's batch, the event and the worker's delivery log. The
 * cancellation, a request of its own, hands on its own trace.
 */
@ExtendWith(FmsStack.class)
class TraceHandOverIT {

    @RegisterExtension
    final WebhookReceiver receiver = new WebhookReceiver();

    @Test
    void aBookingsTraceReachesItsWebhooks(RunningFms fms) {
        FmsClient client = fms.client();
        String tripId = client.createTrip(3, "ABC");
        String callback = receiver.url("/hooks/traced");
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

        Webhook confirmed = receiver.first(fms, bookingId, "BookingConfirmed");
        assertThat(confirmed.header("traceparent"))
                .as("the confirmation's webhook")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(traceId(confirmed.header("traceparent"))).isEqualTo(bookingTrace);

        Answer cancel = client.send(
                HttpRequest.newBuilder(fms.service(FmsStack.API).baseUri().resolve("/api/v1/bookings/" + bookingId))
                        .header("traceparent", traceparent(cancellationTrace))
                        .DELETE());
        assertThat(cancel.status()).as("DELETE booking: %s", cancel).isEqualTo(202);
        Webhook cancelled = receiver.first(fms, bookingId, "BookingCancelled");
        assertThat(traceId(cancelled.header("traceparent"))).isEqualTo(cancellationTrace);
    }

    @Test
    void aBookingWithoutATraceparentGetsATraceOfItsOwn(RunningFms fms) {
        FmsClient client = fms.client();
        String tripId = client.createTrip(3, "ABC");
        String callback = receiver.url("/hooks/traced");

        String first = client.bookAccepted(
                BookingRequest.of(tripId, List.of("Grace Hopper"), null).withContact(null, callback), null);
        String second = client.bookAccepted(
                BookingRequest.of(tripId, List.of("Alan Turing"), null).withContact(null, callback), null);

        String firstTrace =
                traceId(receiver.first(fms, first, "BookingConfirmed").header("traceparent"));
        String secondTrace =
                traceId(receiver.first(fms, second, "BookingConfirmed").header("traceparent"));
        assertThat(firstTrace).matches("[0-9a-f]{32}").isNotEqualTo(secondTrace);
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
