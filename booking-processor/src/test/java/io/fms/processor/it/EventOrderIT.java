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

    @Autowired
    OutboxSweeper sweeper;

    @Test
    void aCancellationNeverOvertakesTheConfirmationWhosePublishFailed() {
        UUID tripId = createTrip(1, "AB", FAR_FUTURE);
        UUID bookingId = confirmedButNotPublished(tripId);

        send(new BookingCancellationRequested(bookingId, tripId, Instant.now()), OTHER_TRACE);
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
                .containsExactly(TRACE, OTHER_TRACE);
    }

    @Test
    void anEventTheSweeperPublishesContinuesItsCommandsTrace() {
        UUID bookingId = confirmedButNotPublished(createTrip(1, "AB", FAR_FUTURE));

        eventually()
                .until(() ->
                        sweeper.sweep() >= 0 && !recorder().events(bookingId).isEmpty());

        assertThat(recorder().events(bookingId))
                .extracting(event -> recorder().traceparent(event))
                .containsExactly(TRACE);
    }

    /** A booking request (in {@link #TRACE}) decided and committed, whose event's publish failed. */
    private static UUID confirmedButNotPublished(UUID tripId) {
        BookingRequested request = request(tripId, 1, List.of());
        UUID bookingId = request.bookingId();
        FailingEvents.failNextEventOf(bookingId);
        send(request, TRACE);
        eventually()
                .until(() -> bookingRow(bookingId) != null
                        && "CONFIRMED".equals(bookingRow(bookingId).get("status"))
                        && FailingEvents.hasFailedAnEventOf(bookingId));
        assertThat(recorder().events(bookingId))
                .as("the confirmation is still in the outbox")
                .isEmpty();
        return bookingId;
    }
}
