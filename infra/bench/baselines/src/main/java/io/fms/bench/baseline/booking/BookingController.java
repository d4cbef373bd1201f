package io.fms.bench.baseline.booking;

import io.fms.bench.baseline.Baseline;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /bookings}: answers with the decision itself, synchronously; {@code POST
 * /bookings/{id}/confirmation} pays a hold ({@code 200} confirmed, {@code 409} expired); {@code DELETE
 * /bookings/{id}} cancels a confirmed booking ({@code 200}). All synchronous.
 */
@RestController
class BookingController {

    private final Baseline baseline;

    BookingController(Baseline baseline) {
        this.baseline = baseline;
    }

    @PostMapping("/bookings")
    ResponseEntity<BookingAnswer> book(
            @RequestBody BookingRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        BookingAnswer answer = baseline.book(request.validated(idempotencyKey, Instant.now()));
        return answered(answer);
    }

    @PostMapping("/bookings/{bookingId}/confirmation")
    ResponseEntity<BookingAnswer> confirm(@PathVariable UUID bookingId, @RequestBody ConfirmationRequest request) {
        return answered(baseline.confirm(bookingId, request.validated()));
    }

    private static ResponseEntity<BookingAnswer> answered(BookingAnswer answer) {
        return ResponseEntity.status(answer.takesSeats() ? HttpStatus.OK : HttpStatus.CONFLICT)
                .body(answer);
    }

    @DeleteMapping("/bookings/{bookingId}")
    BookingAnswer cancel(@PathVariable UUID bookingId) {
        return baseline.cancel(bookingId);
    }
}
