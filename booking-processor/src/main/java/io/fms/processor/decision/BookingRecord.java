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
        Builder row = new Builder();
        row.bookingId = request.bookingId();
        row.tripId = request.tripId();
        row.passengers = request.passengers();
        row.contactEmail = request.contactEmail();
        row.callbackUrl = request.callbackUrl();
        row.requestedAt = request.requestedAt();
        row.decidedAt = decidedAt;
        row.holdSeconds = request.hold() == null ? null : request.hold().seconds();
        row.waitlist = request.waitlist();
        row.eventSequence = 1;
        switch (decision) {
            case Decision.Confirmed confirmed -> {
                row.status = BookingStatus.CONFIRMED;
                row.seats = confirmed.seats();
            }
            case Decision.Held held -> {
                row.status = BookingStatus.HELD;
                row.seats = held.seats();
                row.holdExpiresAt = held.expiresAt();
            }
            case Decision.Waitlisted waitlisted -> {
                row.status = BookingStatus.WAITLISTED;
                row.waitlistOrder = order;
            }
            case Decision.Rejected rejected -> {
                row.status = BookingStatus.REJECTED;
                row.reason = RejectionReason.valueOf(rejected.reason().name());
                row.unavailableSeats = rejected.offendingSeats();
            }
        }
        return row.build();
    }

    /** A hold paid by its deadline. */
    public BookingRecord paid(String reference, Instant at) {
        expect(BookingStatus.HELD);
        Builder row = next(BookingStatus.CONFIRMED, at);
        row.paymentReference = reference;
        return row.build();
    }

    /** A hold that passed its deadline unpaid; {@code at} is the deadline. */
    public BookingRecord expired(Instant at) {
        expect(BookingStatus.HELD);
        return next(BookingStatus.EXPIRED, at).build();
    }

    /** A payment that came after the deadline: recorded, so that the client knows to refund it; no event. */
    public BookingRecord lateConfirmation(String reference, Instant at) {
        expect(BookingStatus.EXPIRED);
        Builder row = new Builder(this);
        row.lateConfirmation = new BookingView.LateConfirmation(reference, at);
        return row.build();
    }

    /** A waiting party seated: held until {@code holdExpiresAt} when it asked for a hold, else confirmed. */
    public BookingRecord seated(List<String> newSeats, Instant holdExpiresAt, Instant at) {
        expect(BookingStatus.WAITLISTED);
        Builder row = next(holdExpiresAt != null ? BookingStatus.HELD : BookingStatus.CONFIRMED, at);
        row.seats = newSeats;
        row.holdExpiresAt = holdExpiresAt;
        return row.build();
    }

    /** A waiting party that saw another seated first. */
    public BookingRecord passedOver(int times) {
        expect(BookingStatus.WAITLISTED);
        Builder row = new Builder(this);
        row.waitlistPassOvers = times;
        return row.build();
    }

    /** A waiting party turned away when the trip departed. */
    public BookingRecord closed(Instant at) {
        expect(BookingStatus.WAITLISTED);
        Builder row = next(BookingStatus.REJECTED, at);
        row.reason = RejectionReason.TRIP_CLOSED;
        return row.build();
    }

    /** Cancelled by its client: a confirmed or held booking frees its seats, a waiting one leaves the list. */
    public BookingRecord cancelled(Instant at) {
        if (status != BookingStatus.CONFIRMED && status != BookingStatus.HELD && status != BookingStatus.WAITLISTED) {
            throw new IllegalStateException(
                    "only a CONFIRMED, HELD or WAITLISTED booking can be cancelled; " + bookingId + " is " + status);
        }
        // A cancellation keeps the time of the last decision; it has its own.
        Builder row = next(BookingStatus.CANCELLED, decidedAt);
        row.cancelledAt = at;
        return row.build();
    }

    private void expect(BookingStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("booking " + bookingId + " is " + status + ", not " + expected);
        }
    }

    /** This booking in its next state: one more event, decided at {@code at}. */
    private Builder next(BookingStatus newStatus, Instant at) {
        Builder row = new Builder(this);
        row.status = newStatus;
        row.decidedAt = at;
        row.eventSequence = eventSequence + 1;
        return row;
    }

    /** The fields of a record while one is being made from another. */
    private static final class Builder {
        UUID bookingId;
        UUID tripId;
        BookingStatus status;
        RejectionReason reason;
        List<String> unavailableSeats;
        List<String> seats;
        List<Passenger> passengers;
        String contactEmail;
        String callbackUrl;
        Instant requestedAt;
        Instant decidedAt;
        Instant cancelledAt;
        Integer holdSeconds;
        boolean waitlist;
        Instant holdExpiresAt;
        String paymentReference;
        BookingView.LateConfirmation lateConfirmation;
        Long waitlistOrder;
        int waitlistPassOvers;
        int eventSequence;

        Builder() {}

        Builder(BookingRecord from) {
            bookingId = from.bookingId;
            tripId = from.tripId;
            status = from.status;
            reason = from.reason;
            unavailableSeats = from.unavailableSeats;
            seats = from.seats;
            passengers = from.passengers;
            contactEmail = from.contactEmail;
            callbackUrl = from.callbackUrl;
            requestedAt = from.requestedAt;
            decidedAt = from.decidedAt;
            cancelledAt = from.cancelledAt;
            holdSeconds = from.holdSeconds;
            waitlist = from.waitlist;
            holdExpiresAt = from.holdExpiresAt;
            paymentReference = from.paymentReference;
            lateConfirmation = from.lateConfirmation;
            waitlistOrder = from.waitlistOrder;
            waitlistPassOvers = from.waitlistPassOvers;
            eventSequence = from.eventSequence;
        }

        BookingRecord build() {
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
                    waitlistPassOvers,
                    eventSequence);
        }
    }

    /** The read-model entry; booking-api rebuilds the same from the row when Redis has none. */
    public BookingView toView() {
        return BookingView.builder(bookingId, tripId, status)
                .request(passengers, contactEmail, callbackUrl, requestedAt)
                // A cancelled booking was last decided when it was cancelled.
                .decision(seats, reason, unavailableSeats, cancelledAt != null ? cancelledAt : decidedAt)
                .payment(holdExpiresAt, paymentReference, lateConfirmation)
                .build();
    }
}
