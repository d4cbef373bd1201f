package io.fms.notify;

import io.fms.events.BookingCancelled;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingRejected;
import io.fms.events.Passenger;
import io.fms.events.RejectionReason;
import io.fms.events.TripSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Booking events as the processor publishes them. */
public final class TestEvents {

    public static final TripSummary TRIP = new TripSummary(
            UUID.fromString("7d8f3c2a-1b4e-4c6d-9a0b-123456789abc"),
            "FM101",
            "LHR",
            "JFK",
            Instant.parse("2026-06-12T09:30:00Z"));

    private TestEvents() {}

    public static String uniqueEmail() {
        return "ada+" + UUID.randomUUID() + "@example.com";
    }

    public static BookingConfirmed confirmed(String contactEmail, String callbackUrl) {
        return new BookingConfirmed(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                TRIP,
                List.of(new Passenger("Ada Lovelace"), new Passenger("Charles Babbage")),
                List.of("12A", "12B"),
                contactEmail,
                callbackUrl,
                Instant.now());
    }

    public static BookingRejected rejected(String contactEmail, List<Passenger> passengers) {
        return new BookingRejected(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                TRIP,
                passengers,
                RejectionReason.SEAT_UNAVAILABLE,
                List.of("3C", "3D"),
                contactEmail,
                null,
                Instant.now());
    }

    public static BookingCancelled cancelled(BookingConfirmed booking) {
        return new BookingCancelled(
                UUID.randomUUID(),
                booking.bookingId(),
                booking.sequence() + 1,
                booking.trip(),
                booking.passengers(),
                booking.seats(),
                booking.contactEmail(),
                booking.callbackUrl(),
                Instant.now());
    }
}
