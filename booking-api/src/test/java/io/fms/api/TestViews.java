package io.fms.api;

import io.fms.events.BookingJson;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.Passenger;
import io.fms.events.ReadModelKeys;
import io.fms.events.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Read-model entries as the processor (or intake) writes them, for tests that play its part. */
public final class TestViews {

    private TestViews() {}

    /** A booking without a hold, a payment, a waitlist place or a queue place. */
    public static BookingView view(
            UUID bookingId,
            UUID tripId,
            BookingStatus status,
            List<String> seats,
            List<Passenger> passengers,
            RejectionReason reason,
            List<String> unavailableSeats,
            String contactEmail,
            String callbackUrl,
            Instant createdAt,
            Instant decidedAt) {
        return new BookingView(
                bookingId,
                tripId,
                status,
                seats,
                passengers,
                reason,
                unavailableSeats,
                contactEmail,
                callbackUrl,
                createdAt,
                decidedAt,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** A held booking of one passenger on {@code seats}, its payment due at {@code holdExpiresAt}. */
    public static BookingView held(UUID bookingId, UUID tripId, List<String> seats, Instant holdExpiresAt) {
        return new BookingView(
                bookingId,
                tripId,
                BookingStatus.HELD,
                seats,
                List.of(new Passenger("Ada Lovelace")),
                null,
                List.of(),
                null,
                null,
                Instant.now(),
                Instant.now(),
                holdExpiresAt,
                null,
                null,
                null,
                null,
                null);
    }

    /** A held booking confirmed with {@code paymentReference}. */
    public static BookingView paid(UUID bookingId, UUID tripId, List<String> seats, String paymentReference) {
        return new BookingView(
                bookingId,
                tripId,
                BookingStatus.CONFIRMED,
                seats,
                List.of(new Passenger("Ada Lovelace")),
                null,
                List.of(),
                null,
                null,
                Instant.now(),
                Instant.now(),
                Instant.now().plusSeconds(60),
                paymentReference,
                null,
                null,
                null,
                null);
    }

    /** A decided booking of one passenger in {@code status}, without seats. */
    public static BookingView decided(UUID bookingId, UUID tripId, BookingStatus status) {
        return view(
                bookingId,
                tripId,
                status,
                List.of(),
                List.of(new Passenger("Ada Lovelace")),
                status == BookingStatus.REJECTED ? RejectionReason.SOLD_OUT : null,
                List.of(),
                null,
                null,
                Instant.now(),
                Instant.now());
    }

    public static void write(StringRedisTemplate redis, BookingView view) {
        redis.opsForValue()
                .set(
                        ReadModelKeys.booking(view.bookingId()),
                        new String(BookingJson.writePlain(view), StandardCharsets.UTF_8),
                        ReadModelKeys.BOOKING_TTL);
    }
}
