package io.fms.api.booking;

import io.fms.api.web.FieldProblem;
import io.fms.api.web.ProblemException;
import io.fms.api.web.ProblemKind;
import io.fms.api.web.ValidationException;
import io.fms.events.BookingCancellationRequested;
import io.fms.events.BookingCommand;
import io.fms.events.BookingConfirmationRequested;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Queues what a client asks of a booking it has (a cancellation, a payment confirmation) on the booking's trip
 * partition, behind the booking itself, so the processor sees them in order. Asking again is harmless: the processor
 * cancels a booking once, and judges a confirmation against the hold's deadline by the record's log-append time. Here
 * only what is certain already is answered: a booking with nothing left to cancel, one confirmed with this very
 * payment, or one that can no longer be confirmed at all.
 */
@Service
public class BookingChanges {

    private static final Logger LOG = LoggerFactory.getLogger(BookingChanges.class);

    /** The outcome of a confirmation: {@code queued} when it went to Kafka, else the booking was confirmed already. */
    public record Outcome(BookingView booking, boolean queued) {}

    private final BookingReadModel readModel;
    private final CommandPublisher publisher;
    private final Clock clock;

    BookingChanges(BookingReadModel readModel, CommandPublisher publisher, Clock clock) {
        this.readModel = readModel;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * The booking as it stands; for a PENDING, HELD, WAITLISTED or CONFIRMED one, its cancellation is queued (a hold
     * is released, a waiting party leaves the list).
     */
    public BookingView cancel(UUID bookingId) {
        BookingView booking = find(bookingId);
        switch (booking.status()) {
            case REJECTED ->
                throw new ProblemException(
                        ProblemKind.NOT_CANCELLABLE, "The booking was rejected; there is nothing to cancel");
            case EXPIRED ->
                throw new ProblemException(
                        ProblemKind.NOT_CANCELLABLE, "The booking's hold expired; its seats are free already");
            case CANCELLED -> {
                return booking;
            }
            case PENDING, HELD, WAITLISTED, CONFIRMED ->
                queueBehind(
                        booking,
                        "Cancellation",
                        new BookingCancellationRequested(bookingId, booking.tripId(), clock.instant()));
        }
        return booking;
    }

    public Outcome confirm(UUID bookingId, ConfirmationRequest request) {
        String reference = request == null ? null : request.paymentReference();
        if (!BookingConfirmationRequested.isValidPaymentReference(reference)) {
            throw new ValidationException(List.of(new FieldProblem(
                    "paymentReference",
                    "must be 1 to " + BookingConfirmationRequested.PAYMENT_REFERENCE_MAX + " printable characters")));
        }
        BookingView booking = find(bookingId);
        switch (booking.status()) {
            case PENDING, HELD -> {
                queueBehind(
                        booking,
                        "Confirmation",
                        new BookingConfirmationRequested(bookingId, booking.tripId(), reference, clock.instant()));
                return new Outcome(booking, true);
            }
            case CONFIRMED -> {
                if (reference.equals(booking.paymentReference())) {
                    return new Outcome(booking, false);
                }
                throw notConfirmable(
                        booking.paymentReference() == null
                                ? "The booking is CONFIRMED without a hold; there is nothing to pay for"
                                : "The booking is CONFIRMED with another payment reference");
            }
            default -> throw notConfirmable(describe(booking.status()));
        }
    }

    private BookingView find(UUID bookingId) {
        return readModel.find(bookingId).orElseThrow(() -> ProblemException.notFound("No booking " + bookingId));
    }

    /**
     * Publishes {@code command} on the partition of the booking's trip, which must be known by now.
     *
     * @param what the command, as the log and a problem's detail name it
     */
    private void queueBehind(BookingView booking, String what, BookingCommand command) {
        if (booking.tripId() == null) {
            // Queued, but Redis lost its entry and the processor has not reached it: its trip, and so the partition
            // the command must follow it on, is not known here yet.
            throw ProblemException.unavailable(
                    "redis",
                    "The booking is queued but not yet readable; retry the " + what.toLowerCase(Locale.ROOT)
                            + " shortly",
                    null);
        }
        publisher.publish(command);
        LOG.debug("{} of booking {} queued on trip {}", what, booking.bookingId(), booking.tripId());
    }

    private static String describe(BookingStatus status) {
        return switch (status) {
            case EXPIRED -> "The booking's hold expired; only a HELD booking can be confirmed";
            case WAITLISTED -> "The booking is WAITLISTED; it can be confirmed once it is HELD";
            default -> "The booking is " + status + "; only a HELD booking can be confirmed";
        };
    }

    private static ProblemException notConfirmable(String detail) {
        return new ProblemException(ProblemKind.NOT_CONFIRMABLE, detail);
    }
}
