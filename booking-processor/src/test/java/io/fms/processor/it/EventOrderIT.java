package io.fms.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingCancellationRequested;
import io.fms.events.BookingRequested;
import io.fms.processor.outbox.OutboxSweeper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A booking's events reach Kafka in the order they were decided, even when one of them failed to go out. */
class EventOrderIT extends ProcessorITBase {

    private static final String BOOKING_TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String CANCELLATION_TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Autowired
    OutboxSweeper sweeper;

    @Test
    void aCancellationNeverOvertakesTheConfirmationWhosePublishFailed() {
        UUID tripId = createTrip(1, "AB", FAR_FUTURE);
        BookingRequested request = request(tripId, 1, List.of());
        UUID bookingId = request.bookingId();
        FailingEvents.failNextEventOf(bookingId);
        send(request, BOOKING_TRACE);
        eventually()
                .until(() -> bookingRow(bookingId) != null
                        && "CONFIRMED".equals(bookingRow(bookingId).get("status"))
                        && FailingEvents.hasFailedAnEventOf(bookingId));
        assertThat(recorder().events(bookingId))
                .as("the confirmation is still in the outbox")
                .isEmpty();

        send(new BookingCancellationRequested(bookingId, tripId, Instant.now()), CANCELLATION_TRACE);
        eventually()
                .until(() -> recorder().distinctEvents(bookingId).stream()
                        .anyMatch(event -> event.getClass().getSimpleName().equals("BookingCancelled")));
        // Whatever is still waiting goes out now; it must not change which came first.
        sweeper.sweep();

        assertThat(recorder().distinctEvents(bookingId))
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("BookingConfirmed", "BookingCancelled");
        // Each event continues the trace of its own command, the one published from the outbox table included.
        assertThat(recorder().distinctEvents(bookingId))
                .extracting(event -> recorder().traceparent(event))
                .containsExactly(BOOKING_TRACE, CANCELLATION_TRACE);
    }

    @Test
    void anEventTheSweeperPublishesContinuesItsCommandsTrace() {
        UUID tripId = createTrip(1, "AB", FAR_FUTURE);
        BookingRequested request = request(tripId, 1, List.of());
        UUID bookingId = request.bookingId();
        FailingEvents.failNextEventOf(bookingId);
        send(request, BOOKING_TRACE);
        eventually().until(() -> FailingEvents.hasFailedAnEventOf(bookingId));
        assertThat(recorder().events(bookingId)).isEmpty();

        eventually()
                .until(() ->
                        sweeper.sweep() >= 0 && !recorder().events(bookingId).isEmpty());

        assertThat(recorder().events(bookingId))
                .extracting(event -> recorder().traceparent(event))
                .containsExactly(BOOKING_TRACE);
    }
}
