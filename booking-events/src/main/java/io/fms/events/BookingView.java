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

    /** A booking that has only its identity and status; the builder names whatever else it has. */
    public static Builder builder(UUID bookingId, UUID tripId, BookingStatus status) {
        return new Builder(bookingId, tripId, status);
    }

    /** A builder that starts from this booking, for a copy that differs in a few fields. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public BookingView withQueue(QueuePosition position) {
        return toBuilder().queue(position).build();
    }

    public BookingView withWaitlistPosition(Integer position) {
        return toBuilder().waitlistPosition(position).build();
    }

    /**
     * Builds a view field by field, so that a writer (intake's PENDING entry, the processor's decision, the row read
     * back from Postgres) names only the fields its booking has; the rest stay null or empty, as in the JSON.
     */
    public static final class Builder {
        private UUID bookingId;
        private UUID tripId;
        private BookingStatus status;
        private List<String> seats = List.of();
        private List<Passenger> passengers = List.of();
        private RejectionReason reason;
        private List<String> unavailableSeats = List.of();
        private String contactEmail;
        private String callbackUrl;
        private Instant createdAt;
        private Instant decidedAt;
        private Instant holdExpiresAt;
        private String paymentReference;
        private LateConfirmation lateConfirmation;
        private Integer waitlistPosition;
        private QueuePosition queue;
        private Long commandOffset;

        private Builder(UUID bookingId, UUID tripId, BookingStatus status) {
            this.bookingId = bookingId;
            this.tripId = tripId;
            this.status = status;
        }

        private Builder(BookingView view) {
            this(view.bookingId, view.tripId, view.status);
            seats = view.seats;
            passengers = view.passengers;
            reason = view.reason;
            unavailableSeats = view.unavailableSeats;
            contactEmail = view.contactEmail;
            callbackUrl = view.callbackUrl;
            createdAt = view.createdAt;
            decidedAt = view.decidedAt;
            holdExpiresAt = view.holdExpiresAt;
            paymentReference = view.paymentReference;
            lateConfirmation = view.lateConfirmation;
            waitlistPosition = view.waitlistPosition;
            queue = view.queue;
            commandOffset = view.commandOffset;
        }

        /** What the client asked for, and when. */
        public Builder request(List<Passenger> passengers, String contactEmail, String callbackUrl, Instant createdAt) {
            this.passengers = passengers;
            this.contactEmail = contactEmail;
            this.callbackUrl = callbackUrl;
            this.createdAt = createdAt;
            return this;
        }

        /** What the processor decided: the seats taken, or why none and which were unavailable. */
        public Builder decision(
                List<String> seats, RejectionReason reason, List<String> unavailableSeats, Instant decidedAt) {
            this.seats = seats;
            this.reason = reason;
            this.unavailableSeats = unavailableSeats;
            this.decidedAt = decidedAt;
            return this;
        }

        /** The hold's deadline and the payment that confirmed it, or came too late for it. */
        public Builder payment(Instant holdExpiresAt, String paymentReference, LateConfirmation lateConfirmation) {
            this.holdExpiresAt = holdExpiresAt;
            this.paymentReference = paymentReference;
            this.lateConfirmation = lateConfirmation;
            return this;
        }

        public Builder waitlistPosition(Integer value) {
            waitlistPosition = value;
            return this;
        }

        public Builder queue(QueuePosition value) {
            queue = value;
            return this;
        }

        public Builder commandOffset(Long value) {
            commandOffset = value;
            return this;
        }

        public BookingView build() {
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
                    waitlistPosition,
                    queue,
                    commandOffset);
        }
    }
}
