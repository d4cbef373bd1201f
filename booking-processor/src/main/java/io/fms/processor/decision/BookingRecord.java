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
 * entry and events.
 *
 * @param seats what the booking holds, or held before it was cancelled
 * @param unavailableSeats the requested seats that caused a rejection, empty otherwise
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
        Instant cancelledAt) {

    public BookingRecord {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(tripId, "tripId");
        Objects.requireNonNull(status, "status");
        if (!status.isFinal()) {
            throw new IllegalArgumentException("a recorded booking is decided, was " + status);
        }
        if ((status == BookingStatus.REJECTED) != (reason != null)) {
            throw new IllegalArgumentException(
                    "a reason goes with REJECTED and only with it: " + status + "/" + reason);
        }
        unavailableSeats = unavailableSeats == null ? List.of() : List.copyOf(unavailableSeats);
        seats = seats == null ? List.of() : List.copyOf(seats);
        passengers = List.copyOf(passengers);
    }

    /** The row a decision on {@code request} becomes. */
    public static BookingRecord of(BookingRequested request, Decision decision, Instant decidedAt) {
        return switch (decision) {
            case Decision.Confirmed confirmed ->
                decided(request, BookingStatus.CONFIRMED, null, List.of(), confirmed.seats(), decidedAt);
            case Decision.Rejected rejected ->
                decided(
                        request,
                        BookingStatus.REJECTED,
                        RejectionReason.valueOf(rejected.reason().name()),
                        rejected.offendingSeats(),
                        List.of(),
                        decidedAt);
        };
    }

    private static BookingRecord decided(
            BookingRequested request,
            BookingStatus status,
            RejectionReason reason,
            List<String> unavailableSeats,
            List<String> seats,
            Instant decidedAt) {
        return new BookingRecord(
                request.bookingId(),
                request.tripId(),
                status,
                reason,
                unavailableSeats,
                seats,
                request.passengers(),
                request.contactEmail(),
                request.callbackUrl(),
                request.requestedAt(),
                decidedAt,
                null);
    }

    public BookingRecord cancelled(Instant at) {
        if (status != BookingStatus.CONFIRMED) {
            throw new IllegalStateException(
                    "only a CONFIRMED booking can be cancelled; " + bookingId + " is " + status);
        }
        return new BookingRecord(
                bookingId,
                tripId,
                BookingStatus.CANCELLED,
                null,
                unavailableSeats,
                seats,
                passengers,
                contactEmail,
                callbackUrl,
                requestedAt,
                decidedAt,
                at);
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
                cancelledAt != null ? cancelledAt : decidedAt);
    }
}
