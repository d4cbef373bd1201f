package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingJson;
import io.fms.events.Hold;
import io.fms.events.Passenger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static final UUID TRIP = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    @Test
    void aRequestWithoutHoldOrWaitlistKeepsTheCanonicalFormItHadBeforeEither() {
        ValidBooking plain = new ValidBooking(
                TRIP, List.of(new Passenger("Ada")), List.of("1A"), "ada@example.com", null, null, false);

        // What requests fingerprinted as before holds and waitlists: a retry across the upgrade names the same booking.
        assertThat(new String(BookingJson.writePlain(plain), StandardCharsets.UTF_8))
                .isEqualTo("{\"tripId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"passengers\":[{\"name\":\"Ada\"}],"
                        + "\"seats\":[\"1A\"],\"contactEmail\":\"ada@example.com\",\"callbackUrl\":null}");
    }

    @Test
    void holdAndWaitlistChangeTheFingerprint() {
        ValidBooking plain = new ValidBooking(TRIP, List.of(new Passenger("Ada")), List.of(), null, null, null, false);
        ValidBooking held =
                new ValidBooking(TRIP, List.of(new Passenger("Ada")), List.of(), null, null, new Hold(600), false);
        ValidBooking heldLonger =
                new ValidBooking(TRIP, List.of(new Passenger("Ada")), List.of(), null, null, new Hold(601), false);
        ValidBooking waiting = new ValidBooking(TRIP, List.of(new Passenger("Ada")), List.of(), null, null, null, true);

        assertThat(List.of(plain, held, heldLonger, waiting).stream()
                        .map(IdempotencyStore::fingerprint)
                        .distinct())
                .hasSize(4);
        assertThat(IdempotencyStore.fingerprint(held))
                .isEqualTo(IdempotencyStore.fingerprint(new ValidBooking(
                        TRIP, List.of(new Passenger("Ada")), List.of(), null, null, new Hold(600), false)));
    }
}
