package io.fms.api.notification;

import io.fms.api.booking.BookingReadModel;
import io.fms.api.web.JsonAnswer;
import io.fms.api.web.ProblemAnswers;
import io.fms.api.web.ProblemException;
import io.fms.api.web.ProblemKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Bookings")
class NotificationController {

    private final BookingReadModel bookings;
    private final NotificationLog log;

    NotificationController(BookingReadModel bookings, NotificationLog log) {
        this.bookings = bookings;
        this.log = log;
    }

    @GetMapping("/api/v1/bookings/{bookingId}/notifications")
    @Operation(
            operationId = "listBookingNotifications",
            summary = "A booking's emails and webhooks, and how sending them went",
            description = "Why a webhook or email did (not) arrive: one entry per event of the booking and channel,"
                    + " by event sequence then channel, with its status and its latest attempts. Each entry lists its"
                    + " latest attempts only, newest first: at most 20 (the default of"
                    + " fms.api.notification-attempts-max); attemptCount says how many were made in all. A booking"
                    + " that was held or waitlisted has entries for each of its events: the hold (BookingHeld) or"
                    + " the place in line (BookingWaitlisted), then what became of it (BookingConfirmed,"
                    + " BookingExpired, BookingRejected, BookingCancelled, or a BookingHeld when a waiting party is"
                    + " seated on hold). The list is"
                    + " empty until the notification worker has taken up the booking's first decision, and stays"
                    + " empty for a booking with neither contactEmail nor callbackUrl.")
    @JsonAnswer(
            description = "The booking's notifications",
            examples = {
                @ExampleObject(name = "notifications", value = NotificationExamples.NOTIFICATIONS),
                @ExampleObject(name = "none yet", value = NotificationExamples.NONE_YET)
            })
    @ProblemAnswers({ProblemKind.NOT_FOUND, ProblemKind.UNAVAILABLE})
    BookingNotifications notifications(@PathVariable UUID bookingId) {
        bookings.find(bookingId).orElseThrow(() -> ProblemException.notFound("No booking " + bookingId));
        return new BookingNotifications(bookingId, log.findByBooking(bookingId));
    }
}
