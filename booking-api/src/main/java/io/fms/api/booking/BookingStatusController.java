package io.fms.api.booking;

import io.fms.api.web.FieldProblem;
import io.fms.api.web.Preferences;
import io.fms.api.web.ProblemAnswers;
import io.fms.api.web.ProblemException;
import io.fms.api.web.ProblemKind;
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
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A booking's status, read by anyone who knows its ID, optionally as a long poll that answers as soon as the
 * booking leaves the status it names.
 */
@RestController
@RequestMapping("/api/v1/bookings")
@Tag(name = "Bookings")
class BookingStatusController {

    private final BookingReadModel readModel;
    private final DecisionWaiters waiters;

    BookingStatusController(BookingReadModel readModel, DecisionWaiters waiters) {
        this.readModel = readModel;
        this.waiters = waiters;
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
        int longPollMaxSeconds = waiters.waitSecondsMax();
        int wait = waitSeconds == null ? 0 : waitSeconds;
        if (wait < 0 || wait > longPollMaxSeconds) {
            throw new ValidationException(
                    List.of(new FieldProblem("waitSeconds", "must be between 0 and " + longPollMaxSeconds)));
        }
        return wait;
    }

    /** The {@code wait} preference: delta-seconds (digits only, RFC 7240), under the same bound as waitSeconds. */
    private int preferredWaitSeconds(String value) {
        int longPollMaxSeconds = waiters.waitSecondsMax();
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
}
