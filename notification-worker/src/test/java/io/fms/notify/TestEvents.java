package io.fms.notify;

import io.fms.events.BookingCancelled;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
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

    private static final List<String> FIRST_SEATS = List.of("12A", "12B");
    private static final List<String> WAITLIST_SEATS = List.of("7C", "7D");

    private TestEvents() {}

    public static String uniqueEmail() {
        return "ada+" + UUID.randomUUID() + "@example.com";
    }

    /** Confirmed at once, as a booking without a hold is. */
    public static BookingConfirmed confirmed(String contactEmail, String callbackUrl) {
        return Next.first(PASSENGERS, contactEmail, callbackUrl).confirmed(FIRST_SEATS, Instant.now(), null);
    }

    /** A first decision that holds 12A and 12B from {@code heldAt} for {@code length}. */
    public static BookingHeld held(String contactEmail, String callbackUrl, Instant heldAt, Duration length) {
        return Next.first(PASSENGERS, contactEmail, callbackUrl).held(FIRST_SEATS, heldAt, length);
    }

    /** The held booking, paid in time. */
    public static BookingConfirmed paid(BookingHeld held, String paymentReference) {
        return Next.after(held).confirmed(held.seats(), held.holdExpiresAt().minusSeconds(5), paymentReference);
    }

    /** The held booking, unpaid by its deadline. */
    public static BookingExpired expired(BookingHeld held) {
        return Next.after(held).expired(held.seats(), held.holdExpiresAt().plusSeconds(1));
    }

    public static BookingWaitlisted waitlisted(String contactEmail, String callbackUrl, int position) {
        return Next.first(PASSENGERS, contactEmail, callbackUrl).waitlisted(position);
    }

    /** The waiting party seated, held for {@code length} from now. */
    public static BookingHeld seated(BookingWaitlisted waiting, Instant heldAt, Duration length) {
        return Next.after(waiting).held(WAITLIST_SEATS, heldAt, length);
    }

    /** The waiting party seated and confirmed at once (it asked for no hold). */
    public static BookingConfirmed seatedAndConfirmed(BookingWaitlisted waiting) {
        return Next.after(waiting).confirmed(WAITLIST_SEATS, Instant.now(), null);
    }

    /** The trip departed while the party waited. */
    public static BookingRejected departedWhileWaiting(BookingWaitlisted waiting) {
        return Next.after(waiting)
                .rejected(RejectionReason.TRIP_CLOSED, List.of(), waiting.trip().departureTime());
    }

    public static BookingCancelled leftTheWaitlist(BookingWaitlisted waiting) {
        return Next.after(waiting).cancelled(List.of());
    }

    public static BookingRejected rejected(String contactEmail, List<Passenger> passengers) {
        return Next.first(passengers, contactEmail, null)
                .rejected(RejectionReason.SEAT_UNAVAILABLE, List.of("3C", "3D"), Instant.now());
    }

    /** A first decision refusing the booking for {@code reason}, with no seats to name. */
    public static BookingRejected rejected(String contactEmail, String callbackUrl, RejectionReason reason) {
        return Next.first(PASSENGERS, contactEmail, callbackUrl).rejected(reason, List.of(), Instant.now());
    }

    public static BookingCancelled cancelled(BookingConfirmed booking) {
        return Next.after(booking).cancelled(booking.seats());
    }

    /**
     * What the next event of a booking carries whatever its kind: the booking, its sequence, its party and where
     * to tell it. Each event gets an ID of its own.
     */
    private record Next(
            UUID bookingId,
            long sequence,
            TripSummary trip,
            List<Passenger> passengers,
            String contactEmail,
            String callbackUrl) {

        /** The first decision on a new booking on {@link #TRIP}. */
        static Next first(List<Passenger> passengers, String contactEmail, String callbackUrl) {
            return new Next(UUID.randomUUID(), 1, TRIP, passengers, contactEmail, callbackUrl);
        }

        /** The change that follows {@code previous}. */
        static Next after(BookingEvent previous) {
            return new Next(
                    previous.bookingId(),
                    previous.sequence() + 1,
                    previous.trip(),
                    previous.passengers(),
                    previous.contactEmail(),
                    previous.callbackUrl());
        }

        BookingConfirmed confirmed(List<String> seats, Instant at, String paymentReference) {
            return new BookingConfirmed(
                    UUID.randomUUID(),
                    bookingId,
                    sequence,
                    trip,
                    passengers,
                    seats,
                    contactEmail,
                    callbackUrl,
                    at,
                    paymentReference);
        }

        BookingHeld held(List<String> seats, Instant heldAt, Duration length) {
            return new BookingHeld(
                    UUID.randomUUID(),
                    bookingId,
                    sequence,
                    trip,
                    passengers,
                    seats,
                    heldAt.plus(length),
                    contactEmail,
                    callbackUrl,
                    heldAt);
        }

        BookingExpired expired(List<String> seats, Instant at) {
            return new BookingExpired(
                    UUID.randomUUID(), bookingId, sequence, trip, passengers, seats, contactEmail, callbackUrl, at);
        }

        BookingWaitlisted waitlisted(int position) {
            return new BookingWaitlisted(
                    UUID.randomUUID(),
                    bookingId,
                    sequence,
                    trip,
                    passengers,
                    position,
                    contactEmail,
                    callbackUrl,
                    Instant.now());
        }

        BookingRejected rejected(RejectionReason reason, List<String> unavailableSeats, Instant at) {
            return new BookingRejected(
                    UUID.randomUUID(),
                    bookingId,
                    sequence,
                    trip,
                    passengers,
                    reason,
                    unavailableSeats,
                    contactEmail,
                    callbackUrl,
                    at);
        }

        BookingCancelled cancelled(List<String> seats) {
            return new BookingCancelled(
                    UUID.randomUUID(),
                    bookingId,
                    sequence,
                    trip,
                    passengers,
                    seats,
                    contactEmail,
                    callbackUrl,
                    Instant.now());
        }
    }
}
