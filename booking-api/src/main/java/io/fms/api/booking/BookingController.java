package io.fms.api.booking;

import io.fms.api.ApiProperties;
import io.fms.api.web.FieldProblem;
import io.fms.api.web.JsonAnswer;
import io.fms.api.web.Preferences;
import io.fms.api.web.ProblemAnswers;
import io.fms.api.web.ProblemException;
import io.fms.api.web.ProblemKind;
import io.fms.api.web.RequestExamples;
import io.fms.api.web.ValidationException;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bookings")
@Tag(name = "Bookings", description = "Submit, follow and cancel bookings; the booking ID is the only credential")
class BookingController {

    private final BookingIntake intake;
    private final BookingCancellation cancellation;
    private final BookingReadModel readModel;
    private final BookingConfirmation confirmation;
    private final DecisionWaiters waiters;
    private final int longPollMaxSeconds;

    BookingController(
            BookingIntake intake,
            BookingCancellation cancellation,
            BookingReadModel readModel,
            BookingConfirmation confirmation,
            DecisionWaiters waiters,
            ApiProperties properties) {
        this.confirmation = confirmation;
        this.intake = intake;
        this.cancellation = cancellation;
        this.readModel = readModel;
        this.waiters = waiters;
        this.longPollMaxSeconds = properties.longPollMaxSeconds();
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
            examples = @ExampleObject(name = "pending", value = BookingExamples.PENDING),
            location = BookingExamples.LOCATION_DESCRIPTION,
            locationExample = BookingExamples.LOCATION)
    @ProblemAnswers({
        ProblemKind.VALIDATION,
        ProblemKind.NOT_FOUND,
        ProblemKind.SOLD_OUT,
        ProblemKind.PAYLOAD_TOO_LARGE,
        ProblemKind.UNSUPPORTED_MEDIA_TYPE,
        ProblemKind.IDEMPOTENCY_KEY_REUSED,
        ProblemKind.RATE_LIMITED,
        ProblemKind.UNAVAILABLE
    })
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

    @GetMapping(path = "/{bookingId}")
    @Operation(
            operationId = "getBooking",
            summary = "A booking's status",
            description = "With waitSeconds, or its standard spelling Prefer: wait=N (RFC 7240), a PENDING booking"
                    + " is answered as soon as it is decided, or PENDING after that many seconds (0-30); with"
                    + " while=HELD (after a confirmation) or while=WAITLISTED, as soon as it is no longer in that"
                    + " status. When both waitSeconds and Prefer are given, waitSeconds counts. A PENDING booking shows"
                    + " its queue place (queue), a WAITLISTED one its waitlistPosition (1 = next), a HELD one its"
                    + " holdExpiresAt. A booking answered 202 is never 404: one still queued whose details are not yet"
                    + " readable (the status store lost them) is PENDING with only its bookingId.")
    @ApiResponse(
            responseCode = "200",
            description = "The booking",
            headers = {
                @Header(
                        name = Preferences.PREFERENCE_APPLIED,
                        description = "wait=N when the wait of a Prefer header was taken up",
                        schema = @Schema(type = "string", example = "wait=10")),
                @Header(
                        name = HttpHeaders.VARY,
                        description = "Prefer: the answer depends on the Prefer header",
                        schema = @Schema(type = "string", example = "Prefer"))
            },
            content =
                    @Content(
                            schema = @Schema(implementation = BookingView.class),
                            examples = {
                                @ExampleObject(name = "confirmed", value = BookingExamples.CONFIRMED),
                                @ExampleObject(name = "rejected", value = BookingExamples.REJECTED),
                                @ExampleObject(name = "pending", value = BookingExamples.PENDING),
                                @ExampleObject(name = "held", value = BookingExamples.HELD),
                                @ExampleObject(name = "paid", value = BookingExamples.PAID),
                                @ExampleObject(name = "waitlisted", value = BookingExamples.WAITLISTED),
                                @ExampleObject(name = "expired, paid late", value = BookingExamples.EXPIRED_PAID_LATE)
                            }))
    @ProblemAnswers({ProblemKind.VALIDATION, ProblemKind.NOT_FOUND, ProblemKind.UNAVAILABLE})
    @Parameter(
            name = Preferences.PREFER,
            in = ParameterIn.HEADER,
            description = "RFC 7240 preferences; wait=N (0-30) waits as waitSeconds does, others are ignored",
            example = "wait=10",
            schema = @Schema(type = "string"))
    CompletableFuture<ResponseEntity<BookingView>> get(
            @PathVariable UUID bookingId,
            @Parameter(
                            description = "Wait up to this many seconds (0-30) while the booking is in the status"
                                    + " named by while",
                            example = "10")
                    @RequestParam(required = false)
                    Integer waitSeconds,
            @Parameter(
                            description = "The status to wait out: PENDING (the default), HELD or WAITLISTED",
                            schema = @Schema(allowableValues = {"PENDING", "HELD", "WAITLISTED"}))
                    @RequestParam(name = "while", required = false)
                    String whileStatus,
            HttpServletRequest servletRequest) {
        Optional<String> preferredWait = waitSeconds == null
                ? Preferences.first(Collections.list(servletRequest.getHeaders(Preferences.PREFER)), "wait")
                : Optional.empty();
        int wait = preferredWait.isPresent() ? preferredWaitSeconds(preferredWait.get()) : waitSeconds(waitSeconds);
        BookingStatus waitingOut = waitedOut(whileStatus);
        BookingView booking =
                readModel.find(bookingId).orElseThrow(() -> ProblemException.notFound("No booking " + bookingId));
        return waiters.awaitChange(booking, waitingOut, Duration.ofSeconds(wait))
                .thenApply(answer -> {
                    ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.VARY, Preferences.PREFER);
                    if (preferredWait.isPresent()) {
                        ok.header(Preferences.PREFERENCE_APPLIED, "wait=" + wait);
                    }
                    return ok.body(answer);
                });
    }

    private int waitSeconds(Integer waitSeconds) {
        int wait = waitSeconds == null ? 0 : waitSeconds;
        if (wait < 0 || wait > longPollMaxSeconds) {
            throw new ValidationException(
                    List.of(new FieldProblem("waitSeconds", "must be between 0 and " + longPollMaxSeconds)));
        }
        return wait;
    }

    /** The {@code wait} preference: delta-seconds (digits only, RFC 7240), under the same bound as waitSeconds. */
    private int preferredWaitSeconds(String value) {
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) > longPollMaxSeconds) {
            throw new ValidationException(List.of(new FieldProblem(
                    Preferences.PREFER, "wait must be a whole number of seconds from 0 to " + longPollMaxSeconds)));
        }
        return Integer.parseInt(value);
    }

    /** The statuses a poll can wait out: the ones that change without the client doing anything. */
    private static BookingStatus waitedOut(String whileStatus) {
        if (whileStatus == null) {
            return BookingStatus.PENDING;
        }
        return switch (whileStatus) {
            case "PENDING" -> BookingStatus.PENDING;
            case "HELD" -> BookingStatus.HELD;
            case "WAITLISTED" -> BookingStatus.WAITLISTED;
            default ->
                throw new ValidationException(
                        List.of(new FieldProblem("while", "must be PENDING, HELD or WAITLISTED")));
        };
    }

    /**
     * The same read without {@code waitSeconds} or {@code Prefer}, answered on the request thread: an async answer
     * (even an already completed future) costs a second container dispatch through every filter, and most status
     * reads never wait. Documented once, with {@link #get}.
     */
    @GetMapping(path = "/{bookingId}", params = "!waitSeconds", headers = "!" + Preferences.PREFER)
    @Hidden
    BookingView read(@PathVariable UUID bookingId, @RequestParam(name = "while", required = false) String whileStatus) {
        waitedOut(whileStatus);
        return readModel.find(bookingId).orElseThrow(() -> ProblemException.notFound("No booking " + bookingId));
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
            examples = @ExampleObject(name = "confirmed", value = BookingExamples.CONFIRMED),
            location = BookingExamples.LOCATION_DESCRIPTION,
            locationExample = BookingExamples.LOCATION)
    @ProblemAnswers({
        ProblemKind.NOT_FOUND,
        ProblemKind.NOT_CANCELLABLE,
        ProblemKind.RATE_LIMITED,
        ProblemKind.UNAVAILABLE
    })
    ResponseEntity<BookingView> cancel(@PathVariable UUID bookingId) {
        return accepted(cancellation.cancel(bookingId));
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
            examples = @ExampleObject(name = "held", value = BookingExamples.HELD),
            location = BookingExamples.LOCATION_DESCRIPTION,
            locationExample = BookingExamples.LOCATION)
    @JsonAnswer(
            description = "Confirmed already with this payment reference; nothing queued",
            examples = @ExampleObject(name = "paid", value = BookingExamples.PAID))
    @ProblemAnswers({
        ProblemKind.VALIDATION,
        ProblemKind.NOT_FOUND,
        ProblemKind.NOT_CONFIRMABLE,
        ProblemKind.PAYLOAD_TOO_LARGE,
        ProblemKind.UNSUPPORTED_MEDIA_TYPE,
        ProblemKind.RATE_LIMITED,
        ProblemKind.UNAVAILABLE
    })
    ResponseEntity<BookingView> confirm(
            @PathVariable UUID bookingId,
            @org.springframework.web.bind.annotation.RequestBody ConfirmationRequest request) {
        BookingConfirmation.Outcome outcome = confirmation.confirm(bookingId, request);
        return outcome.queued() ? accepted(outcome.booking()) : ResponseEntity.ok(outcome.booking());
    }

    private static ResponseEntity<BookingView> accepted(BookingView booking) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/bookings/" + booking.bookingId()))
                .body(booking);
    }
}
