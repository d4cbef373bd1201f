package io.fms.processor.decision;

import io.fms.allocation.Decision;
import io.fms.allocation.Rejection;
import io.fms.events.BookingCancellationRequested;
import io.fms.events.BookingCancelled;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingRejected;
import io.fms.events.BookingRequested;
import io.fms.events.BookingStatus;
import io.fms.events.TripSummary;
import io.fms.processor.decision.BatchDecisions.Cancellation;
import io.fms.processor.decision.BatchDecisions.IgnoredCommand;
import io.fms.processor.decision.BatchDecisions.PartitionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns a batch of commands into decisions, cancellations and the events they cause, against the in-memory
 * inventories of the batch's trips. No I/O: the caller loads the trips and the bookings already decided, and writes
 * what comes back.
 *
 * <p>The inventories are changed in place. When the caller cannot commit the result it must drop them, since they
 * then hold decisions that never happened.
 */
public final class BatchDecider {

    /** Sequence of a booking's decision event; its cancellation is the next one. */
    public static final long DECISION_SEQUENCE = 1;

    public static final long CANCELLATION_SEQUENCE = 2;

    private final Supplier<UUID> eventIds;

    public BatchDecider(Supplier<UUID> eventIds) {
        this.eventIds = Objects.requireNonNull(eventIds, "eventIds");
    }

    /**
     * @param trips the known trips among the commands' trip IDs; a trip missing here is not in the catalog
     * @param recorded bookings already in Postgres among the commands' booking IDs
     */
    public BatchDecisions decide(
            List<IncomingCommand> commands,
            Map<UUID, TripState> trips,
            Map<UUID, BookingRecord> recorded,
            Instant now) {
        Batch batch = new Batch(trips, recorded, now);
        for (IncomingCommand incoming : commands) {
            switch (incoming.command()) {
                case BookingRequested request -> batch.request(incoming.partition(), request);
                case BookingCancellationRequested cancellation -> batch.cancel(incoming.partition(), cancellation);
            }
        }
        return batch.result();
    }

    private final class Batch {
        private final Map<UUID, TripState> trips;
        private final Instant now;
        // Every booking as it stands at this point of the batch, so a request and its retry, or a booking and its
        // cancellation, can sit in the same batch.
        private final Map<UUID, BookingRecord> bookings;
        private final List<BookingRecord> decided = new ArrayList<>();
        private final List<Cancellation> cancelled = new ArrayList<>();
        private final List<BookingRecord> duplicates = new ArrayList<>();
        private final List<IgnoredCommand> ignored = new ArrayList<>();
        private final List<PartitionEvent> events = new ArrayList<>();
        private final LinkedHashMap<UUID, BookingRecord> readModel = new LinkedHashMap<>();
        private final Set<UUID> touchedTrips = new HashSet<>();

        Batch(Map<UUID, TripState> trips, Map<UUID, BookingRecord> recorded, Instant now) {
            this.trips = trips;
            this.bookings = new HashMap<>(recorded);
            this.now = now;
        }

        void request(int partition, BookingRequested request) {
            BookingRecord existing = bookings.get(request.bookingId());
            if (existing != null) {
                // The API re-sends a booking ID when a client retries after a 503: one booking, one decision.
                duplicates.add(existing);
                show(existing);
                return;
            }
            TripState trip = trips.get(request.tripId());
            Decision decision = trip == null
                    // Nothing to sell on a trip the catalog does not know; a decision still has to come (every
                    // accepted request is decided), and TRIP_CLOSED is the reason that says so.
                    ? new Decision.Rejected(request.bookingId(), Rejection.TRIP_CLOSED, List.of())
                    : trip.inventory()
                            .book(request.bookingId(), request.passengers().size(), request.seats(), now);
            BookingRecord booking = BookingRecord.of(request, decision, now);
            bookings.put(booking.bookingId(), booking);
            decided.add(booking);
            show(booking);
            events.add(new PartitionEvent(partition, decisionEvent(booking, summaryOf(trip, request.tripId()))));
            if (trip != null) {
                touchedTrips.add(request.tripId());
            }
        }

        void cancel(int partition, BookingCancellationRequested cancellation) {
            UUID bookingId = cancellation.bookingId();
            TripState trip = trips.get(cancellation.tripId());
            if (trip == null) {
                ignored.add(new IgnoredCommand(bookingId, cancellation.tripId(), "trip not in the catalog"));
                return;
            }
            if (!trip.inventory().holds(bookingId)) {
                ignored.add(new IgnoredCommand(
                        bookingId, cancellation.tripId(), "holds no seats (rejected, cancelled or unknown)"));
                return;
            }
            BookingRecord booking = bookings.get(bookingId);
            if (booking == null || booking.status() != BookingStatus.CONFIRMED) {
                throw new IllegalStateException("booking " + bookingId + " holds seats on trip " + cancellation.tripId()
                        + " but is recorded as " + (booking == null ? "nothing" : booking));
            }
            List<String> released = trip.inventory().cancel(bookingId);
            BookingRecord cancelledBooking = booking.cancelled(now);
            bookings.put(bookingId, cancelledBooking);
            cancelled.add(new Cancellation(cancelledBooking, released));
            show(cancelledBooking);
            events.add(new PartitionEvent(
                    partition,
                    new BookingCancelled(
                            eventIds.get(),
                            bookingId,
                            CANCELLATION_SEQUENCE,
                            trip.summary(),
                            booking.passengers(),
                            released,
                            booking.contactEmail(),
                            booking.callbackUrl(),
                            now)));
            touchedTrips.add(cancellation.tripId());
        }

        private void show(BookingRecord booking) {
            // The latest state wins and moves to the end, so read-model writes follow the order of the commands.
            readModel.remove(booking.bookingId());
            readModel.put(booking.bookingId(), booking);
        }

        private BookingEvent decisionEvent(BookingRecord booking, TripSummary trip) {
            if (booking.status() == BookingStatus.CONFIRMED) {
                return new BookingConfirmed(
                        eventIds.get(),
                        booking.bookingId(),
                        DECISION_SEQUENCE,
                        trip,
                        booking.passengers(),
                        booking.seats(),
                        booking.contactEmail(),
                        booking.callbackUrl(),
                        booking.decidedAt());
            }
            return new BookingRejected(
                    eventIds.get(),
                    booking.bookingId(),
                    DECISION_SEQUENCE,
                    trip,
                    booking.passengers(),
                    booking.reason(),
                    booking.unavailableSeats(),
                    booking.contactEmail(),
                    booking.callbackUrl(),
                    booking.decidedAt());
        }

        BatchDecisions result() {
            return new BatchDecisions(
                    decided, cancelled, duplicates, ignored, events, List.copyOf(readModel.values()), touchedTrips);
        }
    }

    private static TripSummary summaryOf(TripState trip, UUID tripId) {
        return trip != null ? trip.summary() : new TripSummary(tripId, null, null, null, null);
    }
}
