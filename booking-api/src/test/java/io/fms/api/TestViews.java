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

    private static final List<Passenger> ADA = List.of(new Passenger("Ada Lovelace"));

    private TestViews() {}

    /** A held booking of one passenger on {@code seats}, its payment due at {@code holdExpiresAt}. */
    public static BookingView held(UUID bookingId, UUID tripId, List<String> seats, Instant holdExpiresAt) {
        return BookingView.builder(bookingId, tripId, BookingStatus.HELD)
                .request(ADA, null, null, Instant.now())
                .decision(seats, null, List.of(), Instant.now())
                .payment(holdExpiresAt, null, null)
                .build();
    }

    /** A held booking confirmed with {@code paymentReference}. */
    public static BookingView paid(UUID bookingId, UUID tripId, List<String> seats, String paymentReference) {
        return BookingView.builder(bookingId, tripId, BookingStatus.CONFIRMED)
                .request(ADA, null, null, Instant.now())
                .decision(seats, null, List.of(), Instant.now())
                .payment(Instant.now().plusSeconds(60), paymentReference, null)
                .build();
    }

    /** A decided booking of one passenger in {@code status}, without seats. */
    public static BookingView decided(UUID bookingId, UUID tripId, BookingStatus status) {
        return BookingView.builder(bookingId, tripId, status)
                .request(ADA, null, null, Instant.now())
                .decision(
                        List.of(),
                        status == BookingStatus.REJECTED ? RejectionReason.SOLD_OUT : null,
                        List.of(),
                        Instant.now())
                .build();
    }

    public static void write(StringRedisTemplate redis, BookingView view) {
        redis.opsForValue()
                .set(
                        ReadModelKeys.booking(view.bookingId()),
                        new String(BookingJson.writePlain(view), StandardCharsets.UTF_8),
                        ReadModelKeys.BOOKING_TTL);
    }
}
