package io.fms.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.events.BookingJson;
import io.fms.events.Topics;
import io.fms.notify.TestEvents;
import io.fms.notify.TestReceiver;
import io.fms.notify.WorkerIntegrationTest;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An event published inside a trace (as the processor's are, with the command's traceparent) reaches the receiver
 * with that trace ID on every attempt, a retry read back from the delivery log included, each attempt its own span.
 */
class WebhookTraceIT extends WorkerIntegrationTest {

    @Autowired
    private Tracer tracer;

    @Test
    void everyAttemptOfAWebhookCarriesTheEventsTrace() throws Exception {
        try (var receiver = TestReceiver.answering(503, 204)) {
            var confirmed = TestEvents.confirmed(null, receiver.url());
            Span publishing = tracer.nextSpan().name("test publish").start();
            try (Tracer.SpanInScope scope = tracer.withSpan(publishing)) {
                kafka.send(Topics.BOOKING_EVENTS, confirmed.bookingId().toString(), BookingJson.write(confirmed))
                        .get(10, TimeUnit.SECONDS);
            } finally {
                publishing.end();
            }
            String traceId = publishing.context().traceId();

            List<TestReceiver.Request> attempts = await().atMost(WAIT)
                    .until(() -> receiver.requestsFor(confirmed.eventId().toString()), found -> found.size() >= 2);

            assertThat(traceId).matches("[0-9a-f]{32}");
            for (TestReceiver.Request attempt : attempts) {
                List<String> traceparent = attempt.headers().get("traceparent");
                assertThat(traceparent).as("traceparent of an attempt").hasSize(1);
                assertThat(traceparent.getFirst()).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
                assertThat(traceparent.getFirst())
                        .as("the attempt's own span, not the publisher's")
                        .doesNotContain(publishing.context().spanId());
            }
            assertThat(attempts.get(0).headers().get("traceparent"))
                    .as("each attempt is a span of its own")
                    .isNotEqualTo(attempts.get(1).headers().get("traceparent"));
        }
    }
}
