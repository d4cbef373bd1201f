package io.fms.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingJson;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.Passenger;
import io.fms.events.ReadModelKeys;
import io.fms.processor.readmodel.ReadModel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

public class ReadModelIT extends ProcessorITBase {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Autowired
    ReadModel readModel;

    @Test
    void anOlderViewNeverReplacesANewerOne() {
        UUID bookingId = UUID.randomUUID();

        readModel.write(List.of(view(bookingId, BookingStatus.CANCELLED)), List.of());
        readModel.write(List.of(view(bookingId, BookingStatus.CONFIRMED)), List.of());

        assertThat(stored(bookingId).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(redis.getExpire(ReadModelKeys.booking(bookingId))).isPositive();
    }

    @Test
    void aDecisionReplacesPendingAndKeepsTheTimeToLive() {
        UUID bookingId = UUID.randomUUID();
        redis.opsForValue()
                .set(
                        ReadModelKeys.booking(bookingId),
                        new String(
                                BookingJson.writePlain(view(bookingId, BookingStatus.PENDING)),
                                StandardCharsets.UTF_8));

        readModel.write(List.of(view(bookingId, BookingStatus.REJECTED)), List.of());

        assertThat(stored(bookingId).status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(redis.getExpire(ReadModelKeys.booking(bookingId)))
                .isGreaterThan(ReadModelKeys.BOOKING_TTL.toSeconds() - 60);
    }

    private BookingView stored(UUID bookingId) {
        String json = redis.opsForValue().get(ReadModelKeys.booking(bookingId));
        assertThat(json).isNotNull();
        return BookingJson.readPlain(json.getBytes(StandardCharsets.UTF_8), BookingView.class);
    }

    /** A booking's view as the processor writes it, on a trip of its own. */
    public static BookingView view(UUID bookingId, BookingStatus status) {
        return BookingView.builder(bookingId, UUID.randomUUID(), status)
                .request(List.of(new Passenger("Ada")), null, null, NOW)
                .decision(List.of("1A"), null, List.of(), NOW)
                .build();
    }
}
