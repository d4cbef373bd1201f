package io.fms.processor;

import io.fms.events.BookingRequested;
import io.fms.events.Passenger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Commands as the tests of the processor send them, unit tests and integration tests alike. */
public final class TestCommands {

    public static final String CONTACT_EMAIL = "ada@example.com";
    public static final String CALLBACK_URL = "https://client.example.com/hooks";

    private TestCommands() {}

    /** A new booking of {@code passengers} passengers, named "Passenger 0" on, asking for {@code seats}. */
    public static BookingRequested bookingRequest(
            UUID tripId, int passengers, List<String> seats, Instant requestedAt) {
        return new BookingRequested(
                UUID.randomUUID(),
                tripId,
                IntStream.range(0, passengers)
                        .mapToObj(index -> new Passenger("Passenger " + index))
                        .toList(),
                seats,
                CONTACT_EMAIL,
                CALLBACK_URL,
                requestedAt);
    }
}
