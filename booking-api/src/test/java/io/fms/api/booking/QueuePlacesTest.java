package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.PartitionProgress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueuePlacesTest {

    private static final Optional<PartitionProgress> AT_100 =
            Optional.of(new PartitionProgress(3, 100, 50, Instant.parse("2031-05-01T10:00:00Z")));

    @Test
    void aPendingBookingsPlaceIsTheUndecidedCommandsAheadOfIt() {
        BookingView answered = QueuePlaces.withQueue(pending(104L), AT_100);

        assertThat(answered.queue()).isEqualTo(new BookingView.QueuePosition(4, 100));
        assertThat(answered.commandOffset()).isEqualTo(104L);
    }

    @Test
    void withoutProgressEveryEarlierCommandCountsAndThereIsNoEstimate() {
        assertThat(QueuePlaces.withQueue(pending(104L), Optional.empty()).queue())
                .isEqualTo(new BookingView.QueuePosition(104, 0));
    }

    @Test
    void aBookingWithoutAKnownOffsetOrDecidedHasNoQueue() {
        assertThat(QueuePlaces.withQueue(pending(null), AT_100).queue()).isNull();
        BookingView decided = pending(104L).withQueue(new BookingView.QueuePosition(1, 1));
        BookingView confirmed = BookingView.builder(decided.bookingId(), decided.tripId(), BookingStatus.CONFIRMED)
                .decision(List.of("1A"), null, List.of(), Instant.now())
                .queue(decided.queue())
                .commandOffset(104L)
                .build();
        assertThat(QueuePlaces.withQueue(confirmed, AT_100).queue()).isNull();
    }

    @Test
    void unreadableProgressCountsAsNone() {
        assertThat(QueuePlaces.readProgress(3, "{not json")).isEmpty();
        assertThat(QueuePlaces.readProgress(3, null)).isEmpty();
        assertThat(QueuePlaces.readProgress(
                        3, "{\"partition\":3,\"nextOffset\":7,\"decisionsPerSecond\":2.5,\"updatedAt\":null}"))
                .hasValueSatisfying(
                        progress -> assertThat(progress.nextOffset()).isEqualTo(7));
    }

    private static BookingView pending(Long commandOffset) {
        return BookingView.builder(UUID.randomUUID(), UUID.randomUUID(), BookingStatus.PENDING)
                .request(List.of(), null, null, Instant.now())
                .commandOffset(commandOffset)
                .build();
    }
}
