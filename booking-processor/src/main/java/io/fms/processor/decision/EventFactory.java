package io.fms.processor.decision;

import io.fms.events.BookingCancelled;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingExpired;
import io.fms.events.BookingHeld;
import io.fms.events.BookingRejected;
import io.fms.events.BookingStatus;
import io.fms.events.BookingWaitlisted;
import io.fms.events.TripSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** The event each state of a booking is announced with; its sequence is the record's count of events. */
final class EventFactory {

    private final Supplier<UUID> eventIds;

    EventFactory(Supplier<UUID> eventIds) {
        this.eventIds = eventIds;
    }

    /** The event of a first decision; {@code waitlistPosition} for a party that now waits. */
    BookingEvent decision(BookingRecord booking, TripSummary trip, int waitlistPosition) {
        return of(booking, trip, booking.decidedAt(), waitlistPosition);
    }

    /** The event of a hold paid in time. */
    BookingEvent paid(BookingRecord booking, TripSummary trip) {
        return of(booking, trip, booking.decidedAt(), 0);
    }

    /** The event of a change from {@code before} to {@code after}. */
    BookingEvent change(BookingRecord before, BookingRecord after, TripSummary trip) {
        return switch (after.status()) {
            case EXPIRED, CANCELLED ->
                after.status() == BookingStatus.EXPIRED
                        ? new BookingExpired(
                                eventIds.get(),
                                after.bookingId(),
                                after.eventSequence(),
                                trip,
                                after.passengers(),
                                before.seats(),
                                after.contactEmail(),
                                after.callbackUrl(),
                                after.decidedAt())
                        : new BookingCancelled(
                                eventIds.get(),
                                after.bookingId(),
                                after.eventSequence(),
                                trip,
                                after.passengers(),
                                before.status().holdsSeats() ? before.seats() : List.of(),
                                after.contactEmail(),
                                after.callbackUrl(),
                                after.cancelledAt());
            default -> of(after, trip, after.decidedAt(), 0);
        };
    }

    private BookingEvent of(BookingRecord booking, TripSummary trip, Instant at, int waitlistPosition) {
        return switch (booking.status()) {
            case HELD ->
                new BookingHeld(
                        eventIds.get(),
                        booking.bookingId(),
                        booking.eventSequence(),
                        trip,
                        booking.passengers(),
                        booking.seats(),
                        booking.holdExpiresAt(),
                        booking.contactEmail(),
                        booking.callbackUrl(),
                        at);
            case CONFIRMED ->
                new BookingConfirmed(
                        eventIds.get(),
                        booking.bookingId(),
                        booking.eventSequence(),
                        trip,
                        booking.passengers(),
                        booking.seats(),
                        booking.contactEmail(),
                        booking.callbackUrl(),
                        at,
                        booking.paymentReference());
            case WAITLISTED ->
                new BookingWaitlisted(
                        eventIds.get(),
                        booking.bookingId(),
                        booking.eventSequence(),
                        trip,
                        booking.passengers(),
                        waitlistPosition,
                        booking.contactEmail(),
                        booking.callbackUrl(),
                        at);
            case REJECTED ->
                new BookingRejected(
                        eventIds.get(),
                        booking.bookingId(),
                        booking.eventSequence(),
                        trip,
                        booking.passengers(),
                        booking.reason(),
                        booking.unavailableSeats(),
                        booking.contactEmail(),
                        booking.callbackUrl(),
                        at);
            default -> throw new IllegalStateException("no event for a " + booking.status() + " booking");
        };
    }
}
