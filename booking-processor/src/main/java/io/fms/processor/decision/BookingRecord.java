package io.fms.processor.decision;

import io.fms.allocation.Decision;
import io.fms.events.BookingRequested;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.Passenger;
import io.fms.events.RejectionReason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A decided booking as {@code booking.bookings} holds it: what a request became, and the source of its read-model
 * entry and events. A booking changes after its first decision (a hold paid or expired, a waiting party seated, a
 * cancellation); each change is a new record made by one of the transition methods here.
 *
 * @param seats what the booking holds, or held before it was released
 * @param unavailableSeats the requested seats that caused a rejection, empty otherwise
 * @param decidedAt when the booking last changed, but for a cancellation
 * @param holdSeconds the hold the request asked for; null to confirm at once
 * @param waitlist whether the request may wait for seats
 * @param waitlistOrder while waiting (and after), the offset of its request: its place among the waiting parties
 * @param eventSequence events published for the booking so far
 */
public record BookingRecord(
        UUID bookingId,
        UUID tripId,
        BookingStatus status,
        RejectionReason reason,
        List<String> unavailableSeats,
        List<String> seats,
        List<Passenger> passengers,
        String contactEmail,
        String callbackUrl,
        Instant requestedAt,
        Instant decidedAt,
        Instant cancelledAt,
        Integer holdSeconds,
        boolean waitlist,
        Instant holdExpiresAt,
        String paymentReference,
        BookingView.LateConfirmation lateConfirmation,
        Long waitlistOrder,
        int waitlistPassOvers,
        int eventSequence) {

    public BookingRecord {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(tripId, "tripId");
        Objects.requireNonNull(status, "status");
        if (!status.isDecided()) {
            throw new IllegalArgumentException("a recorded booking is decided, was " + status);
        }
        if ((status == BookingStatus.REJECTED) != (reason != null)) {
            throw new IllegalArgumentException(
                    "a reason goes with REJECTED and only with it: " + status + "/" + reason);
        }
        if (status == BookingStatus.HELD && holdExpiresAt == null) {
            throw new IllegalArgumentException("a HELD booking has a deadline: " + bookingId);
        }
        unavailableSeats = unavailableSeats == null ? List.of() : List.copyOf(unavailableSeats);
        seats = seats == null ? List.of() : List.copyOf(seats);
        passengers = List.copyOf(passengers);
    }

    /** The row a first decision on {@code request} becomes; {@code order} is the request's offset. */
    public static BookingRecord of(BookingRequested request, Decision decision, Instant decidedAt, long order) {
        Integer holdSeconds = request.hold() == null ? null : request.hold().seconds();
        BookingRecord requested = new BookingRecord(
                request.bookingId(),
                request.tripId(),
                BookingStatus.REJECTED,
                RejectionReason.TRIP_CLOSED,
                List.of(),
                List.of(),
                request.passengers(),
                request.contactEmail(),
                request.callbackUrl(),
                request.requestedAt(),
                decidedAt,
                null,
                holdSeconds,
                request.waitlist(),
                null,
                null,
                null,
                null,
                0,
                1);
        return switch (decision) {
            case Decision.Confirmed confirmed ->
                requested.with(BookingStatus.CONFIRMED, null, confirmed.seats(), null, decidedAt, 0);
            case Decision.Held held ->
                requested.with(BookingStatus.HELD, null, held.seats(), held.expiresAt(), decidedAt, 0);
            case Decision.Waitlisted waitlisted ->
                requested
                        .with(BookingStatus.WAITLISTED, null, List.of(), null, decidedAt, 0)
                        .withWaitlistOrder(order);
            case Decision.Rejected rejected ->
                requested
                        .with(
                                BookingStatus.REJECTED,
                                RejectionReason.valueOf(rejected.reason().name()),
                                List.of(),
                                null,
                                decidedAt,
                                0)
                        .withUnavailableSeats(rejected.offendingSeats());
        };
    }

    /** A hold paid by its deadline. */
    public BookingRecord paid(String reference, Instant at) {
        expect(BookingStatus.HELD);
        BookingRecord confirmed = with(BookingStatus.CONFIRMED, null, seats, holdExpiresAt, at, 1);
        return new BookingRecord(
                bookingId,
                tripId,
                confirmed.status,
                null,
                unavailableSeats,
                seats,
                passengers,
                contactEmail,
                callbackUrl,
                requestedAt,
                at,
                cancelledAt,
                holdSeconds,
                waitlist,
                holdExpiresAt,
                reference,
                lateConfirmation,
                waitlistOrder,
                waitlistPassOvers,
                confirmed.eventSequence);
    }

    /** A hold that passed its deadline unpaid; {@code at} is the deadline. */
    public BookingRecord expired(Instant at) {
        expect(BookingStatus.HELD);
        return with(BookingStatus.EXPIRED, null, seats, holdExpiresAt, at, 1);
    }

    /** A payment that came after the deadline: recorded, so that the client knows to refund it; no event. */
    public BookingRecord lateConfirmation(String reference, Instant at) {
        expect(BookingStatus.EXPIRED);
        return new BookingRecord(
                bookingId,
                tripId,
                status,
                reason,
                unavailableSeats,
                seats,
                passengers,
                contactEmail,
                callbackUrl,
                requestedAt,
                decidedAt,
                cancelledAt,
                holdSeconds,
                waitlist,
                holdExpiresAt,
                paymentReference,
                new BookingView.LateConfirmation(reference, at),
                waitlistOrder,
                waitlistPassOvers,
                eventSequence);
    }

    /** A waiting party seated: held until {@code holdExpiresAt} when it asked for a hold, else confirmed. */
    public BookingRecord seated(List<String> newSeats, Instant holdExpiresAt, Instant at) {
        expect(BookingStatus.WAITLISTED);
        return holdExpiresAt != null
                ? with(BookingStatus.HELD, null, newSeats, holdExpiresAt, at, 1)
                : with(BookingStatus.CONFIRMED, null, newSeats, null, at, 1);
    }

    /** A waiting party that saw another seated first. */
    public BookingRecord passedOver(int times) {
        expect(BookingStatus.WAITLISTED);
        return new BookingRecord(
                bookingId,
                tripId,
                status,
                reason,
                unavailableSeats,
                seats,
                passengers,
                contactEmail,
                callbackUrl,
                requestedAt,
                decidedAt,
                cancelledAt,
                holdSeconds,
                waitlist,
                holdExpiresAt,
                paymentReference,
                lateConfirmation,
                waitlistOrder,
                times,
                eventSequence);
    }

    /** A waiting party turned away when the trip departed. */
    public BookingRecord closed(Instant at) {
        expect(BookingStatus.WAITLISTED);
        return with(BookingStatus.REJECTED, RejectionReason.TRIP_CLOSED, List.of(), null, at, 1);
    }

    /** Cancelled by its client: a confirmed or held booking frees its seats, a waiting one leaves the list. */
    public BookingRecord cancelled(Instant at) {
        if (status != BookingStatus.CONFIRMED && status != BookingStatus.HELD && status != BookingStatus.WAITLISTED) {
            throw new IllegalStateException(
                    "only a CONFIRMED, HELD or WAITLISTED booking can be cancelled; " + bookingId + " is " + status);
        }
        BookingRecord cancelled = with(BookingStatus.CANCELLED, null, seats, holdExpiresAt, decidedAt, 1);
        return new BookingRecord(
                bookingId,
                tripId,
                cancelled.status,
                null,
                unavailableSeats,
                seats,
                passengers,
                contactEmail,
                callbackUrl,
                requestedAt,
                decidedAt,
                at,
                holdSeconds,
                waitlist,
                holdExpiresAt,
                paymentReference,
                lateConfirmation,
                waitlistOrder,
                waitlistPassOvers,
                cancelled.eventSequence);
    }

    private void expect(BookingStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("booking " + bookingId + " is " + status + ", not " + expected);
        }
    }

    private BookingRecord with(
            BookingStatus newStatus,
            RejectionReason newReason,
            List<String> newSeats,
            Instant newHoldExpiresAt,
            Instant at,
            int newEvents) {
        return new BookingRecord(
                bookingId,
                tripId,
                newStatus,
                newReason,
                unavailableSeats,
                newSeats,
                passengers,
                contactEmail,
                callbackUrl,
                requestedAt,
                at,
                cancelledAt,
                holdSeconds,
                waitlist,
                newHoldExpiresAt,
                paymentReference,
                lateConfirmation,
                waitlistOrder,
                waitlistPassOvers,
                eventSequence + newEvents);
    }

    private BookingRecord withWaitlistOrder(long order) {
        return new BookingRecord(
                bookingId,
                tripId,
                status,
                reason,
                unavailableSeats,
                seats,
                passengers,
                contactEmail,
                callbackUrl,
                requestedAt,
                decidedAt,
                cancelledAt,
                holdSeconds,
                waitlist,
                holdExpiresAt,
                paymentReference,
                lateConfirmation,
                order,
                waitlistPassOvers,
                eventSequence);
    }

    private BookingRecord withUnavailableSeats(List<String> offending) {
        return new BookingRecord(
                bookingId,
                tripId,
                status,
                reason,
                offending,
                seats,
                passengers,
                contactEmail,
                callbackUrl,
                requestedAt,
                decidedAt,
                cancelledAt,
                holdSeconds,
                waitlist,
                holdExpiresAt,
                paymentReference,
                lateConfirmation,
                waitlistOrder,
                waitlistPassOvers,
                eventSequence);
    }

    /** The read-model entry; booking-api rebuilds the same from the row when Redis has none. */
    public BookingView toView() {
        return new BookingView(
                bookingId,
                tripId,
                status,
                seats,
                passengers,
                reason,
                unavailableSeats,
                contactEmail,
                callbackUrl,
                requestedAt,
                // A cancelled booking was last decided when it was cancelled.
                cancelledAt != null ? cancelledAt : decidedAt,
                holdExpiresAt,
                paymentReference,
                lateConfirmation,
                null,
                null,
                null);
    }
}
