package io.fms.processor.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingCancellationRequested;
import io.fms.events.BookingJson;
import io.fms.events.BookingRequested;
import io.fms.events.Topics;
import io.fms.processor.TestCommands;
import io.fms.support.tracing.TraceParent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventTracesTest {

    private static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aCommandsTraceparentGoesOnceOntoItsBookingsEvent() {
        BookingRequested request =
                TestCommands.bookingRequest(UUID.randomUUID(), 2, List.of("1A", "1B"), Instant.now());
        BookingRequested untraced = TestCommands.bookingRequest(request.tripId(), 1, null, Instant.now());
        EventTraces traces = new EventTraces();

        traces.remember(
                List.of(command(BookingJson.write(request), TRACE), command(BookingJson.write(untraced), null)));

        RecordHeaders event = new RecordHeaders();
        traces.stamp(request.bookingId(), event);
        assertThat(TraceParent.of(event)).isEqualTo(TRACE);
        RecordHeaders again = new RecordHeaders();
        traces.stamp(request.bookingId(), again);
        assertThat(TraceParent.of(again)).as("taken with the first event").isNull();
        RecordHeaders other = new RecordHeaders();
        traces.stamp(untraced.bookingId(), other);
        assertThat(other.toArray()).isEmpty();
    }

    @Test
    void theBookingIdIsReadFromEveryCommandAndNothingElse() {
        UUID bookingId = UUID.randomUUID();
        BookingCancellationRequested cancellation =
                new BookingCancellationRequested(bookingId, UUID.randomUUID(), Instant.now());

        assertThat(EventTraces.bookingIdOf(BookingJson.write(cancellation))).isEqualTo(bookingId);
        assertThat(EventTraces.bookingIdOf("{\"passengers\":[{\"bookingId\":\"x\"}]}".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(EventTraces.bookingIdOf("not json".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(EventTraces.bookingIdOf(null)).isNull();
    }

    private static ConsumerRecord<String, byte[]> command(byte[] value, String traceparent) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.BOOKING_COMMANDS, 0, 0L, "trip", value);
        if (traceparent != null) {
            record.headers().add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }
}
