package io.fms.processor;

import io.fms.events.BookingRequested;
import io.fms.events.Hold;
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
        return on(tripId)
                .passengers(IntStream.range(0, passengers)
                        .mapToObj(index -> new Passenger("Passenger " + index))
                        .toList())
                .seats(seats)
                .contact(CONTACT_EMAIL, CALLBACK_URL)
                .requestedAt(requestedAt)
                .build();
    }

    /** A request to build: one passenger "Ada", any seats, no contact, requested now, confirmed at once. */
    public static Request on(UUID tripId) {
        return new Request(tripId);
    }

    /** A booking request as a test wants it; what it does not set is as {@link #on(UUID)} says. */
    public static final class Request {
        private final UUID tripId;
        private List<Passenger> passengers = List.of(new Passenger("Ada"));
        private List<String> seats = List.of();
        private String contactEmail;
        private String callbackUrl;
        private Instant requestedAt = Instant.now();
        private Hold hold;
        private boolean waitlist;

        private Request(UUID tripId) {
            this.tripId = tripId;
        }

        public Request passengers(List<Passenger> names) {
            passengers = names;
            return this;
        }

        public Request passenger(String name) {
            return passengers(List.of(new Passenger(name)));
        }

        public Request seats(List<String> labels) {
            seats = labels;
            return this;
        }

        public Request contact(String email, String callback) {
            contactEmail = email;
            callbackUrl = callback;
            return this;
        }

        public Request requestedAt(Instant at) {
            requestedAt = at;
            return this;
        }

        /** Held for {@code seconds} while the traveller pays. */
        public Request hold(int seconds) {
            hold = new Hold(seconds);
            return this;
        }

        /** Waits for seats when the trip cannot seat the party. */
        public Request waitlist() {
            waitlist = true;
            return this;
        }

        public BookingRequested build() {
            return new BookingRequested(
                    UUID.randomUUID(),
                    tripId,
                    passengers,
                    seats,
                    contactEmail,
                    callbackUrl,
                    requestedAt,
                    hold,
                    waitlist);
        }
    }
}
