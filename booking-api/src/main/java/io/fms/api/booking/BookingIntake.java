package io.fms.api.booking;

import io.fms.api.catalog.Trip;
import io.fms.api.web.ProblemException;
import io.fms.api.web.ProblemKind;
import io.fms.events.Availability;
import io.fms.events.BookingRequested;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.PartitionProgress;
import io.fms.events.Waitlist;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Takes a booking request to the point where a decision is promised: validated, turned away at the door when the
 * trip is known closed or sold out (a request that may wait gets in while the trip's waitlist has room), otherwise appended to the trip's partition and acknowledged by Kafka. The
 * seats themselves are decided by the processor, never here.
 */
@Service
public class BookingIntake {

    private static final Logger LOG = LoggerFactory.getLogger(BookingIntake.class);

    private final BookingRequestValidator validator;
    private final IntakeLookup lookups;
    private final IdempotencyStore idempotency;
    private final CommandPublisher publisher;
    private final BookingReadModel readModel;
    private final BookingIds bookingIds;
    private final Clock clock;
    private final IntakeMetrics metrics;

    BookingIntake(
            BookingRequestValidator validator,
            IntakeLookup lookups,
            IdempotencyStore idempotency,
            CommandPublisher publisher,
            BookingReadModel readModel,
            BookingIds bookingIds,
            Clock clock,
            IntakeMetrics metrics) {
        this.validator = validator;
        this.lookups = lookups;
        this.idempotency = idempotency;
        this.publisher = publisher;
        this.readModel = readModel;
        this.bookingIds = bookingIds;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * The booking as it stands once queued (PENDING), or as already decided when this is a retry.
     *
     * @param idempotencyKeys every {@code Idempotency-Key} header of the request, as sent
     */
    public BookingView submit(BookingRequest request, List<String> idempotencyKeys) {
        BookingRequestValidator.CheckedSubmission checked = validator.check(request, idempotencyKeys);
        ValidBooking booking = checked.booking();
        Trip trip = checked.trip();
        String idempotencyKey = checked.idempotencyKey();
        String fingerprint = IdempotencyStore.fingerprint(booking);
        IntakeLookup.Lookup lookup = lookups.find(idempotencyKey, trip.id(), bookingIds.tripPartition(trip.id()));
        if (lookup.earlier().isPresent()) {
            // A retry: it was accepted before the door could have closed, so it skips the door check.
            return replay(lookup.earlier().get(), fingerprint, booking, lookup.progress());
        }
        checkDoor(trip, lookup.availability(), booking.waitlist());
        // With a key, the ID follows from the key and the request: should Redis have lost the key's claim (restarted
        // empty), a true retry is published under the booking ID it had and the processor decides it once, while
        // another body under the same key names a booking of its own.
        IdempotencyStore.Claim claim = new IdempotencyStore.Claim(
                fingerprint, bookingIds.forRequest(trip.id(), idempotencyKey, fingerprint), clock.instant());
        if (idempotencyKey != null) {
            IdempotencyStore.Claim winner = idempotency.claim(idempotencyKey, claim);
            if (!winner.equals(claim)) {
                return replay(winner, fingerprint, booking, lookup.progress());
            }
        }
        return queue(booking, claim, false, lookup.progress());
    }

    /**
     * Same key, same request: the same booking. If it is in the read model the earlier attempt was queued; if not,
     * the earlier attempt failed (503) or is still in flight, and publishing the very same command again is safe
     * because the processor decides a booking ID once and treats repeats as duplicates.
     */
    private BookingView replay(
            IdempotencyStore.Claim claim,
            String fingerprint,
            ValidBooking booking,
            Optional<PartitionProgress> progress) {
        if (!claim.fingerprint().equals(fingerprint)) {
            throw new ProblemException(
                    ProblemKind.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request body");
        }
        Optional<BookingView> known = readModel.find(claim.bookingId());
        if (known.isPresent()) {
            metrics.accepted(true);
            return known.get();
        }
        return queue(booking, claim, true, progress);
    }

    private void checkDoor(Trip trip, Optional<Availability> snapshot, boolean mayWait) {
        if (trip.hasDeparted(clock.instant())) {
            throw new ProblemException(ProblemKind.TRIP_CLOSED, "Trip " + trip.id() + " has departed");
        }
        if (snapshot.isPresent() && snapshot.get().closed()) {
            throw new ProblemException(ProblemKind.TRIP_CLOSED, "Trip " + trip.id() + " is closed to sales");
        }
        if (snapshot.isEmpty() || snapshot.get().acceptsBookings()) {
            return;
        }
        if (!mayWait) {
            throw new ProblemException(ProblemKind.SOLD_OUT, "Trip " + trip.id() + " is sold out");
        }
        if (!snapshot.get().acceptsWaitlistRequests()) {
            throw new ProblemException(
                    ProblemKind.WAITLIST_FULL,
                    "Trip " + trip.id() + " is sold out and " + Waitlist.PARTIES_MAX
                            + " parties wait already; the request would be refused WAITLIST_FULL");
        }
    }

    private BookingView queue(
            ValidBooking booking, IdempotencyStore.Claim claim, boolean replay, Optional<PartitionProgress> progress) {
        BookingRequested command = new BookingRequested(
                claim.bookingId(),
                booking.tripId(),
                booking.passengers(),
                booking.seats(),
                booking.contactEmail(),
                booking.callbackUrl(),
                claim.requestedAt(),
                booking.hold(),
                booking.waitlist());
        RecordMetadata appended = publisher.publish(command);
        // IDs only: names, contacts and the body stay out of the log.
        LOG.debug("Booking {} queued on trip {}{}", command.bookingId(), command.tripId(), replay ? " (retry)" : "");
        metrics.accepted(replay);
        BookingView pending = pending(command, appended.hasOffset() ? appended.offset() : null);
        BookingView answer = QueuePlaces.withQueue(pending, progress);
        try {
            // The answer to a first attempt says PENDING, even when the decision is already in Redis.
            readModel.putPendingIfAbsent(pending);
            return answer;
        } catch (DataAccessException e) {
            // Kafka has it, so a decision will come and overwrite the entry: answering 503 now would invite a
            // retry that books twice. Until the decision lands, a status poll may not find the booking.
            LOG.warn(
                    "Booking {} queued but its PENDING entry could not be written: {}",
                    claim.bookingId(),
                    e.toString());
            metrics.pendingUnrecorded();
            return answer;
        }
    }

    private static BookingView pending(BookingRequested command, Long commandOffset) {
        return BookingView.builder(command.bookingId(), command.tripId(), BookingStatus.PENDING)
                .request(command.passengers(), command.contactEmail(), command.callbackUrl(), command.requestedAt())
                .commandOffset(commandOffset)
                .build();
    }
}
