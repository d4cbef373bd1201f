package io.fms.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingRequested;
import io.fms.events.Topics;
import io.fms.support.tracing.TraceParent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each batch has a span of its own, linked to the trace of every command it decided. */
class BatchSpanIT extends ProcessorITBase {

    @Autowired
    RecordedSpans spans;

    @Test
    void aBatchsSpanLinksToTheTraceOfEveryCommandInIt() {
        UUID tripId = createTrip(2, "AB", FAR_FUTURE);
        BookingRequested first = request(tripId, 1, List.of());
        BookingRequested second = request(tripId, 1, List.of());
        send(first, TRACE);
        send(second, OTHER_TRACE);

        eventually()
                .until(() -> linkedTraces()
                        .containsAll(List.of(TraceParent.traceId(TRACE), TraceParent.traceId(OTHER_TRACE))));

        SpanData batch = spans.named("process " + Topics.BOOKING_COMMANDS).stream()
                .filter(span -> span.getLinks().stream()
                        .anyMatch(link -> link.getSpanContext().getTraceId().equals(TraceParent.traceId(TRACE))))
                .findFirst()
                .orElseThrow();
        assertThat(batch.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(batch.getParentSpanContext().isValid())
                .as("a trace of its own")
                .isFalse();
        assertThat(batch.getTraceId()).isNotIn(TraceParent.traceId(TRACE), TraceParent.traceId(OTHER_TRACE));
        assertThat(batch.getLinks())
                .filteredOn(link -> link.getSpanContext().getTraceId().equals(TraceParent.traceId(TRACE)))
                .singleElement()
                .satisfies(link -> assertThat(link.getSpanContext().getSpanId()).isEqualTo("00f067aa0ba902b7"));
        assertThat(batch.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
                .isEqualTo(Topics.BOOKING_COMMANDS);
        // The decisions themselves still continue each command's own trace.
        eventually().until(() -> !recorder().events(first.bookingId()).isEmpty());
        assertThat(recorder().traceparent(recorder().events(first.bookingId()).getFirst()))
                .isEqualTo(TRACE);
    }

    private List<String> linkedTraces() {
        return spans.named("process " + Topics.BOOKING_COMMANDS).stream()
                .flatMap(span -> span.getLinks().stream())
                .map(LinkData::getSpanContext)
                .map(context -> context.getTraceId())
                .toList();
    }
}
