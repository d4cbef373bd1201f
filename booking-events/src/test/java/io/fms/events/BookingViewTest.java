package io.fms.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingViewTest {

    private static final Instant REQUESTED = Instant.parse("2031-05-01T10:00:00Z");
    private static final Instant DECIDED = Instant.parse("2031-05-01T10:00:00.042Z");

    @Test
    void aBuiltViewHasWhatItWasGivenAndNothingElse() {
        UUID bookingId = UUID.randomUUID();
        UUID tripId = UUID.randomUUID();

        BookingView pending = BookingView.builder(bookingId, tripId, BookingStatus.PENDING)
                .request(List.of(new Passenger("Ada Lovelace")), "ada@example.com", null, REQUESTED)
                .commandOffset(7L)
                .build();

        assertThat(pending)
                .isEqualTo(new BookingView(
                        bookingId,
                        tripId,
                        BookingStatus.PENDING,
                        List.of(),
                        List.of(new Passenger("Ada Lovelace")),
                        null,
                        List.of(),
                        "ada@example.com",
                        null,
                        REQUESTED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        7L));
    }

    @Test
    void aCopyDiffersOnlyInWhatItChanges() {
        BookingView expired = BookingView.builder(UUID.randomUUID(), UUID.randomUUID(), BookingStatus.EXPIRED)
                .request(List.of(new Passenger("Ada Lovelace")), null, "https://example.com/hook", REQUESTED)
                .decision(List.of("12A"), null, List.of("12B"), DECIDED)
                .payment(DECIDED.plusSeconds(600), null, new BookingView.LateConfirmation("psp_1", DECIDED))
                .build();

        assertThat(expired.toBuilder().build()).isEqualTo(expired);
        BookingView placed =
                expired.withQueue(new BookingView.QueuePosition(3, 150)).withWaitlistPosition(2);
        assertThat(placed.queue()).isEqualTo(new BookingView.QueuePosition(3, 150));
        assertThat(placed.waitlistPosition()).isEqualTo(2);
        assertThat(placed.withQueue(null).withWaitlistPosition(null)).isEqualTo(expired);
    }
}
