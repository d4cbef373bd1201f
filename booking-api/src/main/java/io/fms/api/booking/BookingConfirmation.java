package io.fms.api.booking;

import io.fms.api.web.FieldProblem;
import io.fms.api.web.ProblemException;
import io.fms.api.web.ProblemKind;
import io.fms.api.web.ValidationException;
import io.fms.events.BookingConfirmationRequested;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Queues the payment confirmation of a held booking on its trip's partition, behind the booking. Whether it beat the
 * hold's deadline is the processor's to judge, by the record's log-append time; here only what is certain already
 * is answered: a booking confirmed with this very payment, or one that can no longer be confirmed at all.
 */
@Service
public class BookingConfirmation {

    private static final Logger LOG = LoggerFactory.getLogger(BookingConfirmation.class);

    /** The outcome: {@code queued} when a confirmation went to Kafka, else the booking was confirmed already. */
    public record Outcome(BookingView booking, boolean queued) {}

    private final BookingReadModel readModel;
    private final CommandPublisher publisher;
    private final Clock clock;

    BookingConfirmation(BookingReadModel readModel, CommandPublisher publisher, Clock clock) {
        this.readModel = readModel;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Outcome confirm(UUID bookingId, ConfirmationRequest request) {
        String reference = request == null ? null : request.paymentReference();
        if (!BookingConfirmationRequested.isValidPaymentReference(reference)) {
            throw new ValidationException(List.of(new FieldProblem(
                    "paymentReference",
                    "must be 1 to " + BookingConfirmationRequested.PAYMENT_REFERENCE_MAX + " printable characters")));
        }
        BookingView booking =
                readModel.find(bookingId).orElseThrow(() -> ProblemException.notFound("No booking " + bookingId));
        switch (booking.status()) {
            case PENDING, HELD -> {
                if (booking.tripId() == null) {
                    // Queued, but Redis lost its entry and the processor has not reached it: the partition the
                    // confirmation must follow it on is not known here yet.
                    throw ProblemException.unavailable(
                            "redis",
                            "The booking is queued but not yet readable; retry the confirmation shortly",
                            null);
                }
                publisher.publish(
                        new BookingConfirmationRequested(bookingId, booking.tripId(), reference, clock.instant()));
                LOG.debug("Confirmation of booking {} queued on trip {}", bookingId, booking.tripId());
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
