package io.fms.api.booking;

import io.fms.api.ApiProperties;
import io.fms.api.web.FieldProblem;
import io.fms.api.web.Preferences;
import io.fms.api.web.ProblemAnswers;
import io.fms.api.web.ProblemException;
import io.fms.api.web.ProblemKind;
import io.fms.api.web.ValidationException;
import io.fms.events.BookingView;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
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
    private final DecisionWaiters waiters;
    private final int longPollMaxSeconds;

    BookingController(
            BookingIntake intake,
            BookingCancellation cancellation,
            BookingReadModel readModel,
            DecisionWaiters waiters,
            ApiProperties properties) {
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
                    + " Location.\n\n"
                    + "**Idempotency-Key** (strongly recommended): a retry with the same key and the same body"
                    + " answers the same booking ID and never creates a second booking; the same key with a"
                    + " different body is 422. If the earlier attempt with the key was not queued (it got 503) or"
                    + " is still in flight, the retry queues the very same request again under the same booking ID;"
                    + " the processor decides each booking ID once. Keys are remembered for 24 hours; after that, or"
                    + " should the store of keys be lost, the same body still names the same booking, and another body"
                    + " names a new one (never the first one's).",
            requestBody =
                    @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "booking", value = BookingExamples.REQUEST))))
    @ApiResponse(
            responseCode = "202",
            description = "Queued; a decision will follow. Location names the booking.",
            headers =
                    @Header(
                            name = "Location",
                            description = "The booking: /api/v1/bookings/{bookingId}",
                            schema =
                                    @Schema(
                                            type = "string",
                                            format = "uri-reference",
                                            example = "/api/v1/bookings/5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10")),
            content =
                    @Content(
                            schema = @Schema(implementation = BookingView.class),
                            examples = @ExampleObject(name = "pending", value = BookingExamples.PENDING)))
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
                    + " is answered as soon as it is decided, or PENDING after that many seconds (0-30). When both are"
                    + " given, waitSeconds counts. A booking answered 202 is never 404: one still queued whose details"
                    + " are not yet readable (the status store lost them) is PENDING with only its bookingId.")
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
                                @ExampleObject(name = "pending", value = BookingExamples.PENDING)
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
            @Parameter(description = "Wait up to this many seconds (0-30) while the booking is PENDING", example = "10")
                    @RequestParam(required = false)
                    Integer waitSeconds,
            HttpServletRequest servletRequest) {
        Optional<String> preferredWait = waitSeconds == null
                ? Preferences.first(Collections.list(servletRequest.getHeaders(Preferences.PREFER)), "wait")
                : Optional.empty();
        int wait = preferredWait.isPresent() ? preferredWaitSeconds(preferredWait.get()) : waitSeconds(waitSeconds);
        BookingView booking =
                readModel.find(bookingId).orElseThrow(() -> ProblemException.notFound("No booking " + bookingId));
        return waiters.awaitDecision(booking, Duration.ofSeconds(wait)).thenApply(answer -> {
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

    /**
     * The same read without {@code waitSeconds} or {@code Prefer}, answered on the request thread: an async answer
     * (even an already completed future) costs a second container dispatch through every filter, and most status
     * reads never wait. Documented once, with {@link #get}.
     */
    @GetMapping(path = "/{bookingId}", params = "!waitSeconds", headers = "!" + Preferences.PREFER)
    @Hidden
    BookingView read(@PathVariable UUID bookingId) {
        return readModel.find(bookingId).orElseThrow(() -> ProblemException.notFound("No booking " + bookingId));
    }

    @DeleteMapping("/{bookingId}")
    @Operation(
            operationId = "cancelBooking",
            summary = "Cancel a booking",
            description = "Queues the cancellation on the trip's partition, behind the booking; the booking becomes"
                    + " CANCELLED and its seats free. Answers the booking as it stands. Cancelling a cancelled"
                    + " booking answers 202 again; a rejected booking has nothing to cancel (409).")
    @ApiResponse(
            responseCode = "202",
            description = "Cancellation queued (or already done)",
            headers =
                    @Header(
                            name = "Location",
                            description = "The booking: /api/v1/bookings/{bookingId}",
                            schema =
                                    @Schema(
                                            type = "string",
                                            format = "uri-reference",
                                            example = "/api/v1/bookings/5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10")),
            content =
                    @Content(
                            schema = @Schema(implementation = BookingView.class),
                            examples = @ExampleObject(name = "confirmed", value = BookingExamples.CONFIRMED)))
    @ProblemAnswers({
        ProblemKind.NOT_FOUND,
        ProblemKind.NOT_CANCELLABLE,
        ProblemKind.RATE_LIMITED,
        ProblemKind.UNAVAILABLE
    })
    ResponseEntity<BookingView> cancel(@PathVariable UUID bookingId) {
        return accepted(cancellation.cancel(bookingId));
    }

    private static ResponseEntity<BookingView> accepted(BookingView booking) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/bookings/" + booking.bookingId()))
                .body(booking);
    }
}
