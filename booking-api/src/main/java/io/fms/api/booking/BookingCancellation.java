package io.fms.api.booking;

import io.fms.api.web.ProblemException;
import io.fms.api.web.ProblemKind;
import io.fms.events.BookingCancellationRequested;
import io.fms.events.BookingView;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Queues the cancellation of a booking on its trip's partition, behind the booking itself, so the processor sees
 * them in order. Asking again is harmless: the processor cancels a booking once.
 */
@Service
public class BookingCancellation {

    private static final Logger LOG = LoggerFactory.getLogger(BookingCancellation.class);

    private final BookingReadModel readModel;
    private final CommandPublisher publisher;
    private final Clock clock;

    BookingCancellation(BookingReadModel readModel, CommandPublisher publisher, Clock clock) {
        this.readModel = readModel;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * The booking as it stands; for a PENDING, HELD, WAITLISTED or CONFIRMED one, its cancellation is queued (a hold
     * is released, a waiting party leaves the list).
     */
    public BookingView cancel(UUID bookingId) {
        BookingView booking =
                readModel.find(bookingId).orElseThrow(() -> ProblemException.notFound("No booking " + bookingId));
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
            case PENDING, HELD, WAITLISTED, CONFIRMED -> {
                if (booking.tripId() == null) {
                    // Queued, but Redis lost its entry and the processor has not reached it: its trip, and so the
                    // partition a cancellation must follow it on, is not known here yet.
                    throw ProblemException.unavailable(
                            "redis",
                            "The booking is queued but not yet readable; retry the cancellation shortly",
                            null);
                }
                publisher.publish(new BookingCancellationRequested(bookingId, booking.tripId(), clock.instant()));
                LOG.debug("Cancellation of booking {} queued on trip {}", bookingId, booking.tripId());
            }
        }
        return booking;
    }
}
