package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingIdsTest {

    private static final String FINGERPRINT_ONE = "a".repeat(64);
    private static final String FINGERPRINT_TWO = "b".repeat(64);

    private final BookingIds ids = new BookingIds("test-secret");

    @Test
    void aTrueRetryNamesTheSameBookingOnAnyInstance() {
        UUID first = ids.forRequest("order-4711", FINGERPRINT_ONE);

        assertThat(ids.forRequest("order-4711", FINGERPRINT_ONE)).isEqualTo(first);
        assertThat(new BookingIds("test-secret").forRequest("order-4711", FINGERPRINT_ONE))
                .as("another API instance with the same secret")
                .isEqualTo(first);
        assertThat(first.version()).isEqualTo(8);
        assertThat(first.variant()).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherRequestNamesAnotherBooking() {
        assertThat(ids.forRequest("order-4711", FINGERPRINT_TWO))
                .isNotEqualTo(ids.forRequest("order-4711", FINGERPRINT_ONE));
    }

    @Test
    void keyAndFingerprintCannotTradeCharacters() {
        // Were the two simply concatenated, "k" + "ey…" and "ke" + "y…" would be one input.
        assertThat(ids.forRequest("k", "ey" + FINGERPRINT_ONE))
                .isNotEqualTo(ids.forRequest("ke", "y" + FINGERPRINT_ONE));
    }

    @Test
    void theIdCannotBeComputedWithoutTheSecret() {
        assertThat(new BookingIds("another-secret").forRequest("order-4711", FINGERPRINT_ONE))
                .isNotEqualTo(ids.forRequest("order-4711", FINGERPRINT_ONE));
    }

    @Test
    void withoutAKeyEveryRequestIsANewBooking() {
        assertThat(ids.forRequest(null, FINGERPRINT_ONE)).isNotEqualTo(ids.forRequest(null, FINGERPRINT_ONE));
    }
}
