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
        assertThatThrownBy(() -> new Availability(UUID.randomUUID(), 10, 11, false, NOW, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Availability(UUID.randomUUID(), 10, 0, false, NOW, 0).acceptsBookings())
                .isFalse();
    }

    @Test
    void aSoldOutTripLetsWaitlistRequestsInUntilTheListIsFull() {
        Availability soldOut = new Availability(UUID.randomUUID(), 10, 0, false, NOW, Waitlist.PARTIES_MAX - 1);
        assertThat(soldOut.acceptsWaitlistRequests()).isTrue();
        Availability full = new Availability(UUID.randomUUID(), 10, 0, false, NOW, Waitlist.PARTIES_MAX);
        assertThat(full.acceptsWaitlistRequests()).isFalse();
        Availability closed = new Availability(UUID.randomUUID(), 10, 3, true, NOW, 0);
        assertThat(closed.acceptsWaitlistRequests()).isFalse();
    }

    @Test
    void holdsAndWaitlistRequestsSurviveTheWireAndOlderRequestsReadAsNeither() {
        UUID bookingId = UUID.randomUUID();
        UUID tripId = UUID.randomUUID();
        BookingRequested held = new BookingRequested(
                bookingId, tripId, List.of(new Passenger("Ada")), List.of(), null, null, NOW, new Hold(300), true);
        assertThat(BookingJson.readCommand(BookingJson.write(held))).isEqualTo(held);
        String older = "{\"type\":\"BookingRequested\",\"schemaVersion\":1,\"bookingId\":\"" + bookingId
                + "\",\"tripId\":\"" + tripId + "\",\"passengers\":[{\"name\":\"Ada\"}],\"seats\":[],"
                + "\"requestedAt\":\"" + NOW + "\"}";
        BookingRequested plain = (BookingRequested) read(older);
        assertThat(plain.hold()).isNull();
        assertThat(plain.waitlist()).isFalse();
        BookingConfirmationRequested confirmation =
                new BookingConfirmationRequested(bookingId, tripId, "psp_8842", NOW);
        assertThat(read(new String(BookingJson.write(confirmation), StandardCharsets.UTF_8)))
                .isEqualTo(confirmation);
        PartitionTick tick = new PartitionTick(tripId, NOW);
        assertThat(read(new String(BookingJson.write(tick), StandardCharsets.UTF_8)))
                .isEqualTo(tick);
    }

    @Test
    void paymentReferencesArePrintableAndAtMostOneHundredCharacters() {
        assertThat(BookingConfirmationRequested.isValidPaymentReference("psp_8842"))
                .isTrue();
        assertThat(BookingConfirmationRequested.isValidPaymentReference("x".repeat(100)))
                .isTrue();
        assertThat(BookingConfirmationRequested.isValidPaymentReference("x".repeat(101)))
                .isFalse();
        assertThat(BookingConfirmationRequested.isValidPaymentReference("")).isFalse();
        assertThat(BookingConfirmationRequested.isValidPaymentReference("a\nb")).isFalse();
        assertThat(BookingConfirmationRequested.isValidPaymentReference(null)).isFalse();
    }

    @Test
    void aQueuedBookingsPlaceNeverCountsDecidedCommands() {
        PartitionProgress progress = new PartitionProgress(3, 100, 1000, NOW);
        assertThat(progress.placeOf(140).position()).isEqualTo(40);
        assertThat(progress.placeOf(140).etaMs()).isEqualTo(41);
        assertThat(progress.placeOf(90).position()).isZero();
        assertThat(new PartitionProgress(3, 100, 0, NOW).placeOf(140).etaMs()).isZero();
    }

    private static BookingCommand read(String json) {
        return BookingJson.readCommand(json.getBytes(StandardCharsets.UTF_8));
    }
}
