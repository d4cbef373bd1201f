package io.fms.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingJsonTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");

    @Test
    void commandsSurviveTheWireAndNameTheirType() {
        var request = new BookingRequested(
                UUID.randomUUID(),
                UUID.randomUUID(),
                List.of(new Passenger("Ada Lovelace")),
                List.of("12A"),
                "ada@example.com",
                null,
                NOW);

        byte[] json = BookingJson.write(request);

        assertThat(new String(json, StandardCharsets.UTF_8))
                .startsWith("{\"type\":\"BookingRequested\",\"schemaVersion\":1,")
                .contains("\"requestedAt\":\"2026-11-24T10:15:30Z\"");
        assertThat(BookingJson.readCommand(json)).isEqualTo(request);
    }

    @Test
    void eventsSurviveTheWire() {
        var trip = new TripSummary(UUID.randomUUID(), "FM101", "LHR", "JFK", NOW);
        var rejected = new BookingRejected(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                trip,
                List.of(new Passenger("Ada")),
                RejectionReason.SEAT_UNAVAILABLE,
                List.of("1A"),
                null,
                null,
                NOW);

        assertThat(BookingJson.readEvent(BookingJson.write(rejected))).isEqualTo(rejected);
    }

    @Test
    void unknownFieldsAreToleratedButUnknownTypesAndVersionsAreNot() {
        UUID booking = UUID.randomUUID();
        UUID trip = UUID.randomUUID();
        String base = "\"bookingId\":\"" + booking + "\",\"tripId\":\"" + trip + "\",\"requestedAt\":\"" + NOW + "\"";

        assertThat(read("{\"type\":\"BookingCancellationRequested\",\"schemaVersion\":1,\"extra\":7," + base + "}"))
                .isEqualTo(new BookingCancellationRequested(booking, trip, NOW));
        assertThatThrownBy(() -> read("{\"type\":\"BookingExploded\",\"schemaVersion\":1," + base + "}"))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("unknown type");
        assertThatThrownBy(() -> read("{\"type\":\"BookingCancellationRequested\",\"schemaVersion\":2," + base + "}"))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("schemaVersion 2");
        assertThatThrownBy(() -> read("{not json"))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(UnreadableRecordException.class);
    }

    @Test
    void typeAndVersionAreWrittenFirstButReadWherever() {
        UUID booking = UUID.randomUUID();
        UUID trip = UUID.randomUUID();
        BookingCancellationRequested cancellation = new BookingCancellationRequested(booking, trip, NOW);
        String base = "\"bookingId\":\"" + booking + "\",\"tripId\":\"" + trip + "\",\"requestedAt\":\"" + NOW + "\"";

        assertThat(new String(BookingJson.write(cancellation), StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"BookingCancellationRequested\",\"schemaVersion\":1," + base + "}");
        assertThat(read("{" + base + ",\"schemaVersion\":1,\"type\":\"BookingCancellationRequested\"}"))
                .isEqualTo(cancellation);
        assertThat(read("{\"schemaVersion\":1,\"type\":\"BookingCancellationRequested\"," + base + "}"))
                .isEqualTo(cancellation);
        assertThatThrownBy(() -> read("{\"type\":\"BookingCancellationRequested\",\"schemaVersion\":1," + base))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> read("{\"type\":\"BookingCancellationRequested\",\"schemaVersion\":1,\"tripId\":7}"))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("malformed BookingCancellationRequested");
    }

    @Test
    void availabilityRefusesImpossibleCounts() {
        assertThatThrownBy(() -> new Availability(UUID.randomUUID(), 10, 11, false, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Availability(UUID.randomUUID(), 10, 0, false, NOW).acceptsBookings())
                .isFalse();
    }

    private static BookingCommand read(String json) {
        return BookingJson.readCommand(json.getBytes(StandardCharsets.UTF_8));
    }
}
