package io.fms.api.booking;

import io.fms.api.web.AnswerLocation;
import io.fms.api.web.JsonAnswer;
import io.fms.api.web.ProblemAnswers;
import io.fms.api.web.ProblemKind;
import io.fms.api.web.QueuedCommand;
import io.fms.api.web.RequestExamples;
import io.fms.events.BookingView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@AnswerLocation(description = BookingExamples.LOCATION_DESCRIPTION, example = BookingExamples.LOCATION)
@RequestMapping("/api/v1/bookings")
@Tag(name = "Bookings", description = "Submit, follow and cancel bookings; the booking ID is the only credential")
class BookingController {

    private final BookingIntake intake;
    private final BookingChanges changes;

    BookingController(BookingIntake intake, BookingChanges changes) {
        this.intake = intake;
        this.changes = changes;
    }

    @PostMapping(consumes = "application/json")
    @Operation(
            operationId = "submitBooking",
            summary = "Submit a booking",
            description = "Validates the request, turns it away at the door when the trip is known to be sold out or"
                    + " closed, and otherwise queues it on the trip's Kafka partition. 202 is answered only after"
                    + " Kafka acknowledged the request: it is a promise that a decision will come; follow it at"
                    + " Location. The answer shows the booking's place in its partition's queue (queue.position:"
                    + " commands ahead of it not yet decided; queue.etaMs: an estimate of the wait).\n\n"
                    + "**hold** {seconds: 30-1800}: the decision is HELD until holdExpiresAt instead of CONFIRMED;"
                    + " confirm with POST /api/v1/bookings/{bookingId}/confirmation before then.\n\n"
                    + "**waitlist** true (only without seats): when the trip cannot seat the party the decision is"
                    + " WAITLISTED instead of REJECTED SOLD_OUT, and a sold-out trip still takes the request while its"
                    + " waitlist has room (409 waitlist-full once it holds 1,000 parties).\n\n"
                    + "**Idempotency-Key** (strongly recommended): a retry with the same key and the same body"
                    + " answers the same booking ID and never creates a second booking; the same key with a"
                    + " different body is 422. If the earlier attempt with the key was not queued (it got 503) or"
                    + " is still in flight, the retry queues the very same request again under the same booking ID;"
                    + " the processor decides each booking ID once. Keys are remembered for 24 hours; after that, or"
                    + " should the store of keys be lost, the same body still names the same booking, and another body"
                    + " names a new one (never the first one's).")
    @RequestExamples({
        @ExampleObject(name = "booking", value = BookingExamples.REQUEST),
        @ExampleObject(name = "hold while paying", value = BookingExamples.REQUEST_HOLD),
        @ExampleObject(name = "wait if sold out", value = BookingExamples.REQUEST_WAITLIST)
    })
    @JsonAnswer(
            status = 202,
            description = "Queued; a decision will follow. Location names the booking.",
            examples = @ExampleObject(name = "pending", value = BookingExamples.PENDING))
    @ProblemAnswers({
        ProblemKind.VALIDATION,
        ProblemKind.NOT_FOUND,
        ProblemKind.SOLD_OUT,
        ProblemKind.PAYLOAD_TOO_LARGE,
        ProblemKind.UNSUPPORTED_MEDIA_TYPE,
        ProblemKind.IDEMPOTENCY_KEY_REUSED
    })
    @QueuedCommand
    @Parameter(
            name = BookingRequestValidator.IDEMPOTENCY_KEY,
            in = ParameterIn.HEADER,
            description = "Client-chosen key, 1-200 printable ASCII characters, e.g. a UUID; sent once",
            example = "3c6e0b8a-9c5f-4d1e-8f3a-2b7c9d0e1f2a",
            schema = @Schema(type = "string"))
    ResponseEntity<BookingView> submit(
            @org.springframework.web.bind.annotation.RequestBody BookingRequest request,
            HttpServletRequest servletRequest) {
        // Every header as sent: Spring would split one key containing commas into several.
        List<String> idempotencyKeys =
                Collections.list(servletRequest.getHeaders(BookingRequestValidator.IDEMPOTENCY_KEY));
        return accepted(intake.submit(request, idempotencyKeys));
    }

    @DeleteMapping("/{bookingId}")
    @Operation(
            operationId = "cancelBooking",
            summary = "Cancel a booking",
            description = "Queues the cancellation on the trip's partition, behind the booking; the booking becomes"
                    + " CANCELLED and its seats free (a hold is released, a waiting party leaves the waitlist)."
                    + " Answers the booking as it stands. Cancelling a cancelled booking answers 202 again; a rejected"
                    + " or expired booking has nothing to cancel (409).")
    @JsonAnswer(
            status = 202,
            description = "Cancellation queued (or already done)",
            examples = @ExampleObject(name = "confirmed", value = BookingExamples.CONFIRMED))
    @ProblemAnswers({ProblemKind.NOT_FOUND, ProblemKind.NOT_CANCELLABLE})
    @QueuedCommand
    ResponseEntity<BookingView> cancel(@PathVariable UUID bookingId) {
        return accepted(changes.cancel(bookingId));
    }

    @PostMapping(path = "/{bookingId}/confirmation", consumes = "application/json")
    @Operation(
            operationId = "confirmBooking",
            summary = "Confirm a held booking with its payment",
            description = "Queues the payment confirmation on the trip's partition, behind the booking (202). It wins"
                    + " when Kafka appended it at or before holdExpiresAt, judged by the record's log-append time:"
                    + " the booking becomes CONFIRMED with paymentReference. Otherwise it is EXPIRED with"
                    + " lateConfirmation, and the payment is to be refunded. Follow it with"
                    + " GET /api/v1/bookings/{bookingId}?waitSeconds=10&while=HELD. Repeating the confirmation"
                    + " with the same reference once CONFIRMED answers 200 with the booking; a booking known not to"
                    + " be HELD (or CONFIRMED with another reference) is 409, nothing queued.")
    @RequestExamples(@ExampleObject(name = "confirmation", value = BookingExamples.CONFIRMATION))
    @JsonAnswer(
            status = 202,
            description = "Confirmation queued; the booking as it stands",
            examples = @ExampleObject(name = "held", value = BookingExamples.HELD))
    @JsonAnswer(
            description = "Confirmed already with this payment reference; nothing queued",
            examples = @ExampleObject(name = "paid", value = BookingExamples.PAID))
    @ProblemAnswers({
        ProblemKind.VALIDATION,
        ProblemKind.NOT_FOUND,
        ProblemKind.NOT_CONFIRMABLE,
        ProblemKind.PAYLOAD_TOO_LARGE,
        ProblemKind.UNSUPPORTED_MEDIA_TYPE
    })
    @QueuedCommand
    ResponseEntity<BookingView> confirm(
            @PathVariable UUID bookingId,
            @org.springframework.web.bind.annotation.RequestBody ConfirmationRequest request) {
        BookingChanges.Outcome outcome = changes.confirm(bookingId, request);
        return outcome.queued() ? accepted(outcome.booking()) : ResponseEntity.ok(outcome.booking());
    }

    private static ResponseEntity<BookingView> accepted(BookingView booking) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/bookings/" + booking.bookingId()))
                .body(booking);
    }
}
