package io.fms.notify;

import io.fms.events.BookingCancelled;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingExpired;
import io.fms.events.BookingHeld;
import io.fms.events.BookingRejected;
import io.fms.events.BookingWaitlisted;
import io.fms.events.Passenger;
import io.fms.events.RejectionReason;
import io.fms.events.TripSummary;
import java.time.Duration;
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

    public static final List<Passenger> PASSENGERS =
            List.of(new Passenger("Ada Lovelace"), new Passenger("Charles Babbage"));

    private TestEvents() {}

    public static String uniqueEmail() {
        return "ada+" + UUID.randomUUID() + "@example.com";
    }

    /** Confirmed at once, as a booking without a hold is. */
    public static BookingConfirmed confirmed(String contactEmail, String callbackUrl) {
        return new BookingConfirmed(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                TRIP,
                PASSENGERS,
                List.of("12A", "12B"),
                contactEmail,
                callbackUrl,
                Instant.now(),
                null);
    }

    /** A first decision that holds 12A and 12B from {@code heldAt} for {@code length}. */
    public static BookingHeld held(String contactEmail, String callbackUrl, Instant heldAt, Duration length) {
        return new BookingHeld(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                TRIP,
                PASSENGERS,
                List.of("12A", "12B"),
                heldAt.plus(length),
                contactEmail,
                callbackUrl,
                heldAt);
    }

    /** The held booking, paid in time. */
    public static BookingConfirmed paid(BookingHeld held, String paymentReference) {
        return new BookingConfirmed(
                UUID.randomUUID(),
                held.bookingId(),
                held.sequence() + 1,
                held.trip(),
                held.passengers(),
                held.seats(),
                held.contactEmail(),
                held.callbackUrl(),
                held.holdExpiresAt().minusSeconds(5),
                paymentReference);
    }

    /** The held booking, unpaid by its deadline. */
    public static BookingExpired expired(BookingHeld held) {
        return new BookingExpired(
                UUID.randomUUID(),
                held.bookingId(),
                held.sequence() + 1,
                held.trip(),
                held.passengers(),
                held.seats(),
                held.contactEmail(),
                held.callbackUrl(),
                held.holdExpiresAt().plusSeconds(1));
    }

    public static BookingWaitlisted waitlisted(String contactEmail, String callbackUrl, int position) {
        return new BookingWaitlisted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                TRIP,
                PASSENGERS,
                position,
                contactEmail,
                callbackUrl,
                Instant.now());
    }

    /** The waiting party seated, held for {@code length} from now. */
    public static BookingHeld seated(BookingWaitlisted waiting, Instant heldAt, Duration length) {
        return new BookingHeld(
                UUID.randomUUID(),
                waiting.bookingId(),
                waiting.sequence() + 1,
                waiting.trip(),
                waiting.passengers(),
                List.of("7C", "7D"),
                heldAt.plus(length),
                waiting.contactEmail(),
                waiting.callbackUrl(),
                heldAt);
    }

    /** The waiting party seated and confirmed at once (it asked for no hold). */
    public static BookingConfirmed seatedAndConfirmed(BookingWaitlisted waiting) {
        return new BookingConfirmed(
                UUID.randomUUID(),
                waiting.bookingId(),
                waiting.sequence() + 1,
                waiting.trip(),
                waiting.passengers(),
                List.of("7C", "7D"),
                waiting.contactEmail(),
                waiting.callbackUrl(),
                Instant.now(),
                null);
    }

    /** The trip departed while the party waited. */
    public static BookingRejected departedWhileWaiting(BookingWaitlisted waiting) {
        return new BookingRejected(
                UUID.randomUUID(),
                waiting.bookingId(),
                waiting.sequence() + 1,
                waiting.trip(),
                waiting.passengers(),
                RejectionReason.TRIP_CLOSED,
                List.of(),
                waiting.contactEmail(),
                waiting.callbackUrl(),
                waiting.trip().departureTime());
    }

    public static BookingCancelled leftTheWaitlist(BookingWaitlisted waiting) {
        return new BookingCancelled(
                UUID.randomUUID(),
                waiting.bookingId(),
                waiting.sequence() + 1,
                waiting.trip(),
                waiting.passengers(),
                List.of(),
                waiting.contactEmail(),
                waiting.callbackUrl(),
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

    /** A first decision refusing the booking for {@code reason}, with no seats to name. */
    public static BookingRejected rejected(String contactEmail, String callbackUrl, RejectionReason reason) {
        return new BookingRejected(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                TRIP,
                PASSENGERS,
                reason,
                List.of(),
                contactEmail,
                callbackUrl,
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
