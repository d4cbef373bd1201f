package io.fms.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingCancellationRequested;
import io.fms.events.BookingRequested;
import io.fms.events.BookingStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A seat freed and sold again within one batch: the batch commits (the live-seat index holds at every statement)
 * and its partition goes on deciding. The commands are queued while the listener is stopped, so that one poll takes
 * them all.
 */
class SeatReuseInOneBatchIT extends ProcessorITBase {

    @Test
    void aSeatCancelledAndBookedAgainInOneBatchGoesToTheNewBooking() {
        UUID tripId = createTrip(1, "AB", FAR_FUTURE);
        BookingRequested earlier = request(tripId, 1, List.of("1A"));
        send(earlier);
        eventually().until(() -> status(earlier.bookingId()) == BookingStatus.CONFIRMED);

        BookingRequested sameBatch = request(tripId, 1, List.of("1A"));
        BookingRequested last = request(tripId, 1, List.of("1A"));
        commandListener().stop();
        try {
            // 1A: released by an earlier booking's cancellation, taken, released again within the batch, taken again.
            send(new BookingCancellationRequested(earlier.bookingId(), tripId, Instant.now()));
            send(sameBatch);
            send(new BookingCancellationRequested(sameBatch.bookingId(), tripId, Instant.now()));
            send(last);
        } finally {
            commandListener().start();
        }

        eventually().until(() -> status(last.bookingId()) == BookingStatus.CONFIRMED);
        assertThat(view(earlier.bookingId()).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(view(sameBatch.bookingId()).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(view(last.bookingId()).seats()).containsExactly("1A");
        assertThat(liveSeats(tripId)).containsExactly("1A");
        assertThat(bookingRow(sameBatch.bookingId()).get("status")).isEqualTo("CANCELLED");
        // A booking decided and cancelled in one batch is written once, as it ends: its row keeps the seat it held,
        // and no live seat row was ever written for it. The earlier booking's seat row is kept, released.
        assertThat(view(sameBatch.bookingId()).seats()).containsExactly("1A");
        assertThat(truth.queryForList(
                        "select booking_id from booking.booking_seats where trip_id = ? and released_at is not null",
                        UUID.class,
                        tripId))
                .as("released seat rows")
                .containsExactly(earlier.bookingId());
    }
}
