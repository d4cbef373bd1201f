package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.fms.support.CommandPartitions;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingIdsTest {

    private static final String FINGERPRINT_ONE = "a".repeat(64);
    private static final String FINGERPRINT_TWO = "b".repeat(64);

    private static final UUID TRIP = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    private final BookingIds ids = new BookingIds("test-secret", 12);

    @Test
    void aTrueRetryNamesTheSameBookingOnAnyInstance() {
        UUID first = ids.forRequest(TRIP, "order-4711", FINGERPRINT_ONE);

        assertThat(ids.forRequest(TRIP, "order-4711", FINGERPRINT_ONE)).isEqualTo(first);
        assertThat(new BookingIds("test-secret", 12).forRequest(TRIP, "order-4711", FINGERPRINT_ONE))
                .as("another API instance with the same secret")
                .isEqualTo(first);
        assertThat(first.version()).isEqualTo(8);
        assertThat(first.variant()).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherRequestNamesAnotherBooking() {
        assertThat(ids.forRequest(TRIP, "order-4711", FINGERPRINT_TWO))
                .isNotEqualTo(ids.forRequest(TRIP, "order-4711", FINGERPRINT_ONE));
    }

    @Test
    void keyAndFingerprintCannotTradeCharacters() {
        // Were the two simply concatenated, "k" + "ey…" and "ke" + "y…" would be one input.
        assertThat(ids.forRequest(TRIP, "k", "ey" + FINGERPRINT_ONE))
                .isNotEqualTo(ids.forRequest(TRIP, "ke", "y" + FINGERPRINT_ONE));
    }

    @Test
    void theIdCannotBeComputedWithoutTheSecret() {
        assertThat(new BookingIds("another-secret", 12).forRequest(TRIP, "order-4711", FINGERPRINT_ONE))
                .isNotEqualTo(ids.forRequest(TRIP, "order-4711", FINGERPRINT_ONE));
    }

    @Test
    void withoutAKeyEveryRequestIsANewBooking() {
        assertThat(ids.forRequest(TRIP, null, FINGERPRINT_ONE))
                .isNotEqualTo(ids.forRequest(TRIP, null, FINGERPRINT_ONE));
    }

    @Test
    void everyIdNamesItsTripsCommandPartition() {
        for (int i = 0; i < 200; i++) {
            UUID trip = UUID.randomUUID();
            int partition = CommandPartitions.of(trip, 12);
            assertThat(BookingIds.partitionOf(ids.forRequest(trip, "k-" + i, FINGERPRINT_ONE)))
                    .hasValue(partition);
            UUID random = ids.forRequest(trip, null, FINGERPRINT_ONE);
            assertThat(BookingIds.partitionOf(random)).hasValue(partition);
            assertThat(random.version()).isEqualTo(8);
            assertThat(random.variant()).isEqualTo(2);
        }
    }

    @Test
    void anIdOfAnotherSchemeNamesNoPartition() {
        assertThat(BookingIds.partitionOf(UUID.randomUUID())).isEmpty();
    }

    @Test
    void partitionsBeyondWhatAnIdCanNameAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BookingIds("s", BookingIds.PARTITIONS_MAX + 1));
    }
}
