package io.fms.processor.decision;

import io.fms.allocation.Change;
import io.fms.allocation.Decision;
import io.fms.allocation.Rejection;
import io.fms.allocation.SeatRequest;
import io.fms.events.BookingCancellationRequested;
import io.fms.events.BookingCommand;
import io.fms.events.BookingConfirmationRequested;
import io.fms.events.BookingRequested;
import io.fms.events.BookingStatus;
import io.fms.events.PartitionTick;
import io.fms.events.TripSummary;
import io.fms.processor.decision.BatchDecisions.IgnoredCommand;
import io.fms.processor.decision.BatchDecisions.PartitionEvent;
import io.fms.processor.decision.BatchDecisions.WaitlistMove;
import java.time.Duration;
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
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Turns a batch of commands into decisions, changes and the events they cause, against the in-memory inventories of
 * the batch's trips. No I/O: the caller loads the trips and the bookings already decided, and writes what comes back.
 *
 * <p>Each command is decided at its record's log-append time. Before it, every trip of its partition whose deadline
 * has come is advanced to that time (holds expire, waiting parties are seated or turned away), so that whatever
 * depends on a clock follows from the log alone.
 *
 * <p>The inventories are changed in place. When the caller cannot commit the result it must drop them, since they
 * then hold decisions that never happened.
 */
public final class BatchDecider {

    /** Sequence of a booking's first decision event; each later change has the next one. */
    public static final long DECISION_SEQUENCE = 1;

    private final EventFactory events;

    public BatchDecider(Supplier<UUID> eventIds) {
        this.events = new EventFactory(Objects.requireNonNull(eventIds, "eventIds"));
    }

    /**
     * @param trips the known trips among the commands' trip IDs; a trip missing here is not in the catalog
     * @param recorded bookings already in Postgres among the commands' booking IDs
     * @param clocks each command partition's clock
     */
    public BatchDecisions decide(
            List<IncomingCommand> commands,
            Map<UUID, TripState> trips,
            Map<UUID, BookingRecord> recorded,
            IntFunction<PartitionClock> clocks) {
        Batch batch = new Batch(trips, recorded);
        for (IncomingCommand incoming : commands) {
            PartitionClock clock = clocks.apply(incoming.partition());
            Instant now = incoming.loggedAt();
            for (TripState due : clock.due(now)) {
                batch.apply(incoming.partition(), null, due, due.inventory().advanceTo(now), now);
                clock.schedule(due);
            }
            BookingCommand command = incoming.command();
            switch (command) {
                case BookingRequested request -> batch.request(incoming, request);
                case BookingCancellationRequested cancellation -> batch.cancel(incoming, cancellation);
                case BookingConfirmationRequested confirmation -> batch.confirm(incoming, confirmation);
                case PartitionTick tick -> {
                    // Time has moved on; the due trips were advanced above.
                }
            }
            TripState trip = trips.get(command.tripId());
            if (trip != null) {
                clock.schedule(trip);
            }
        }
        return batch.result();
    }

    private final class Batch {
        private final Map<UUID, TripState> trips;
        // Every booking as it stands at this point of the batch, so a request and its retry, or a booking and its
        // cancellation, can sit in the same batch.
        private final Map<UUID, BookingRecord> bookings;
        // Bookings decided before the batch, as Postgres has them, for those the batch changes.
        private final Map<UUID, BookingRecord> before = new HashMap<>();
        private final LinkedHashMap<UUID, BookingRecord> decided = new LinkedHashMap<>();
        private final LinkedHashMap<UUID, BookingRecord> changed = new LinkedHashMap<>();
        private final List<BookingRecord> duplicates = new ArrayList<>();
        private final List<IgnoredCommand> ignored = new ArrayList<>();
        private final List<PartitionEvent> published = new ArrayList<>();
        private final LinkedHashMap<UUID, BookingRecord> readModel = new LinkedHashMap<>();
        private final Set<UUID> touchedTrips = new HashSet<>();
        private final List<WaitlistMove> waitlist = new ArrayList<>();

        Batch(Map<UUID, TripState> trips, Map<UUID, BookingRecord> recorded) {
            this.trips = trips;
            this.bookings = new HashMap<>(recorded);
        }

        void request(IncomingCommand incoming, BookingRequested request) {
            BookingRecord existing = bookings.get(request.bookingId());
            if (existing != null) {
                // The API re-sends a booking ID when a client retries after a 503: one booking, one decision.
                duplicates.add(existing);
                show(existing);
                return;
            }
            Instant now = incoming.loggedAt();
            TripState trip = trips.get(request.tripId());
            List<Change> changes = new ArrayList<>();
            Decision decision = trip == null
                    // Nothing to sell on a trip the catalog does not know; a decision still has to come (every
                    // accepted request is decided), and TRIP_CLOSED is the reason that says so.
                    ? new Decision.Rejected(request.bookingId(), Rejection.TRIP_CLOSED, List.of())
                    : trip.inventory().book(seatRequest(request, incoming.offset()), now, changes);
            BookingRecord booking = BookingRecord.of(request, decision, now, incoming.offset());
            bookings.put(booking.bookingId(), booking);
            decided.put(booking.bookingId(), booking);
            show(booking);
            int waitlistPosition = decision instanceof Decision.Waitlisted waitlisted ? waitlisted.position() : 0;
            published.add(new PartitionEvent(
                    incoming.partition(),
                    events.decision(booking, summaryOf(trip, request.tripId()), waitlistPosition),
                    incoming.traceparent()));
            if (trip != null) {
                trip.track(booking);
                if (booking.status() == BookingStatus.WAITLISTED) {
                    waitlist.add(new WaitlistMove(trip.inventory().tripId(), booking.bookingId(), incoming.offset()));
                }
                apply(incoming.partition(), incoming.traceparent(), trip, changes, now);
                touchedTrips.add(request.tripId());
            }
        }

        void cancel(IncomingCommand incoming, BookingCancellationRequested cancellation) {
            UUID bookingId = cancellation.bookingId();
            TripState trip = tripOf(cancellation);
            if (trip == null) {
                return;
            }
            BookingRecord booking = lookup(trip, bookingId);
            checkAgrees(trip, bookingId, booking);
            List<Change> changes = trip.inventory().cancel(bookingId, incoming.loggedAt());
            apply(incoming.partition(), incoming.traceparent(), trip, changes, incoming.loggedAt());
            boolean cancelledNow = changes.stream()
                    .anyMatch(change -> change.bookingId().equals(bookingId)
                            && (change instanceof Change.Released || change instanceof Change.LeftWaitlist));
            if (!cancelledNow) {
                ignored.add(new IgnoredCommand(
                        bookingId, cancellation.tripId(), "nothing to cancel (rejected, ended or unknown)"));
            }
        }

        void confirm(IncomingCommand incoming, BookingConfirmationRequested confirmation) {
            UUID bookingId = confirmation.bookingId();
            TripState trip = tripOf(confirmation);
            if (trip == null) {
                return;
            }
            Instant now = incoming.loggedAt();
            checkAgrees(trip, bookingId, lookup(trip, bookingId));
            List<Change> changes = new ArrayList<>();
            boolean paidInTime = trip.inventory().confirm(bookingId, now, changes);
            apply(incoming.partition(), incoming.traceparent(), trip, changes, now);
            BookingRecord booking = lookup(trip, bookingId);
            if (paidInTime) {
                BookingRecord paid = booking.paid(confirmation.paymentReference(), now);
                change(trip, paid);
                published.add(new PartitionEvent(
                        incoming.partition(), events.paid(paid, trip.summary()), incoming.traceparent()));
            } else if (booking != null
                    && booking.status() == BookingStatus.EXPIRED
                    && booking.lateConfirmation() == null) {
                // Appended after the deadline: the seats are gone, and the client learns that it must refund.
                change(trip, booking.lateConfirmation(confirmation.paymentReference(), now));
            } else {
                ignored.add(new IgnoredCommand(
                        bookingId,
                        confirmation.tripId(),
                        booking == null ? "unknown booking" : "confirmation of a " + booking.status() + " booking"));
            }
        }

        /** The trip of a command on an existing booking; null, with the command ignored, when the catalog has none. */
        private TripState tripOf(BookingCommand.OnBooking command) {
            TripState trip = trips.get(command.tripId());
            if (trip == null) {
                ignored.add(new IgnoredCommand(command.bookingId(), command.tripId(), "trip not in the catalog"));
            }
            return trip;
        }

        /**
         * Records what time passing or an operation did to the trip's bookings, with an event for each change that
         * carries the operation's trace context ({@code traceparent}, null for time passing).
         */
        void apply(int partition, String traceparent, TripState trip, List<Change> changes, Instant now) {
            for (Change change : changes) {
                BookingRecord booking = lookup(trip, change.bookingId());
                if (booking == null) {
                    throw new IllegalStateException("trip " + trip.inventory().tripId() + " changed booking "
                            + change.bookingId() + " that it has no record of: " + change);
                }
                BookingRecord after = switch (change) {
                    case Change.Expired expired -> booking.expired(expired.at());
                    case Change.Released released -> booking.cancelled(now);
                    case Change.LeftWaitlist left -> booking.cancelled(now);
                    case Change.Seated seated -> booking.seated(seated.seats(), seated.holdExpiresAt(), now);
                    case Change.PassedOver passed -> booking.passedOver(passed.passOvers());
                    case Change.WaitlistClosed closed -> booking.closed(now);
                };
                change(trip, after);
                if (after.eventSequence() > booking.eventSequence()) {
                    published.add(
                            new PartitionEvent(partition, events.change(booking, after, trip.summary()), traceparent));
                }
                if (booking.status() == BookingStatus.WAITLISTED && after.status() != BookingStatus.WAITLISTED) {
                    waitlist.add(new WaitlistMove(trip.inventory().tripId(), booking.bookingId(), null));
                }
            }
        }

        private void change(TripState trip, BookingRecord after) {
            UUID bookingId = after.bookingId();
            BookingRecord current = lookup(trip, bookingId);
            if (decided.containsKey(bookingId)) {
                decided.put(bookingId, after);
            } else {
                before.putIfAbsent(bookingId, current);
                changed.put(bookingId, after);
            }
            bookings.put(bookingId, after);
            trip.track(after);
            touchedTrips.add(trip.inventory().tripId());
            if (after.status() != current.status() || after.lateConfirmation() != current.lateConfirmation()) {
                show(after);
            }
        }

        private BookingRecord lookup(TripState trip, UUID bookingId) {
            BookingRecord booking = bookings.get(bookingId);
            return booking != null ? booking : trip.openBookings().get(bookingId);
        }

        /** Memory and Postgres must agree on what the booking holds, or they have parted and deciding would spread it. */
        private void checkAgrees(TripState trip, UUID bookingId, BookingRecord booking) {
            boolean inventoryKnows = trip.inventory().holds(bookingId)
                    || trip.inventory().waitlistPosition(bookingId).isPresent();
            boolean recordOpen =
                    booking != null && (booking.status().holdsSeats() || booking.status() == BookingStatus.WAITLISTED);
            if (inventoryKnows != recordOpen) {
                throw new IllegalStateException(
                        "booking " + bookingId + " on trip " + trip.inventory().tripId()
                                + " is " + (inventoryKnows ? "" : "not ") + "in the inventory but recorded as "
                                + (booking == null ? "nothing" : booking.status()));
            }
        }

        private void show(BookingRecord booking) {
            // The latest state wins and moves to the end, so read-model writes follow the order of the commands.
            readModel.remove(booking.bookingId());
            readModel.put(booking.bookingId(), booking);
        }

        BatchDecisions result() {
            List<BatchDecisions.Change> changes = new ArrayList<>(changed.size());
            changed.forEach((bookingId, after) -> changes.add(new BatchDecisions.Change(before.get(bookingId), after)));
            return new BatchDecisions(
                    List.copyOf(decided.values()),
                    changes,
                    duplicates,
                    ignored,
                    published,
                    List.copyOf(readModel.values()),
                    touchedTrips,
                    waitlist);
        }
    }

    private static SeatRequest seatRequest(BookingRequested request, long offset) {
        Duration hold = request.hold() == null
                ? null
                : Duration.ofSeconds(request.hold().seconds());
        return new SeatRequest(
                request.bookingId(), request.passengers().size(), request.seats(), hold, request.waitlist(), offset);
    }

    private static TripSummary summaryOf(TripState trip, UUID tripId) {
        return trip != null ? trip.summary() : new TripSummary(tripId, null, null, null, null);
    }
}
