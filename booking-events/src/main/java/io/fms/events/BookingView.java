package io.fms.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A booking as the status read model holds it: written PENDING by the API once Kafka has the request, then
 * replaced by the processor with each decision. The same shape is rebuilt from Postgres when Redis has no entry.
 *
 * @param decidedAt when the booking last changed (decided, confirmed, expired, cancelled); null while PENDING
 * @param holdExpiresAt while HELD (and after), the deadline for the payment
 * @param paymentReference the payment that confirmed a held booking
 * @param lateConfirmation a payment that arrived after the hold's deadline: the client should refund it
 * @param waitlistPosition while WAITLISTED, the party's place (1 = next); filled in when read
 * @param queue while PENDING, its place in its partition's queue; filled in when answered
 * @param commandOffset while PENDING, the offset Kafka gave its request on the trip's partition: what {@code queue}
 *     is computed from. Kept in the read model, not shown to clients.
 */
public record BookingView(
        UUID bookingId,
        UUID tripId,
        BookingStatus status,
        List<String> seats,
        List<Passenger> passengers,
        RejectionReason reason,
        List<String> unavailableSeats,
        String contactEmail,
        String callbackUrl,
        Instant createdAt,
        Instant decidedAt,
        Instant holdExpiresAt,
        String paymentReference,
        LateConfirmation lateConfirmation,
        Integer waitlistPosition,
        QueuePosition queue,
        Long commandOffset) {

    public BookingView {
        seats = seats == null ? List.of() : List.copyOf(seats);
        passengers = passengers == null ? List.of() : List.copyOf(passengers);
        unavailableSeats = unavailableSeats == null ? List.of() : List.copyOf(unavailableSeats);
    }

    /** A confirmation appended after the hold's deadline: the booking stayed EXPIRED, the payment is to refund. */
    public record LateConfirmation(String paymentReference, Instant at) {}

    /**
     * @param position commands ahead of the booking's request on its partition not yet decided; it never grows
     * @param etaMs an estimate of the wait, from the partition's recent decision rate
     */
    public record QueuePosition(long position, long etaMs) {}

    public BookingView withQueue(QueuePosition position) {
        return with(waitlistPosition, position);
    }

    public BookingView withWaitlistPosition(Integer position) {
        return with(position, queue);
    }

    /** The same booking with the places that are filled in when it is answered. */
    private BookingView with(Integer newWaitlistPosition, QueuePosition newQueue) {
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
                createdAt,
                decidedAt,
                holdExpiresAt,
                paymentReference,
                lateConfirmation,
                newWaitlistPosition,
                newQueue,
                commandOffset);
    }
}
