package io.fms.processor.outbox;

import io.fms.events.Availability;
import io.fms.events.BookingJson;
import io.fms.events.BookingView;
import io.fms.events.ReadModelKeys;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** The Redis read model the API answers from: bookings' status, trips' availability, and the decisions channel. */
@Component
public class ReadModel {

    private final StringRedisTemplate redis;

    public ReadModel(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * Writes the entries in one pipeline, then announces the bookings on {@link ReadModelKeys#DECISIONS_CHANNEL}. Redis
     * runs one connection's commands in order, so a long-poll woken by the announcement already reads the decision.
     */
    public void write(Collection<BookingView> bookings, Collection<Availability> availabilities) {
        if (bookings.isEmpty() && availabilities.isEmpty()) {
            return;
        }
        long ttlSeconds = ReadModelKeys.BOOKING_TTL.toSeconds();
        redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection strings = (StringRedisConnection) connection;
            for (BookingView booking : bookings) {
                strings.setEx(ReadModelKeys.booking(booking.bookingId()), ttlSeconds, json(booking));
            }
            for (Availability availability : availabilities) {
                strings.set(ReadModelKeys.availability(availability.tripId()), json(availability));
            }
            for (BookingView booking : bookings) {
                strings.publish(
                        ReadModelKeys.DECISIONS_CHANNEL, booking.bookingId().toString());
            }
            return null;
        });
    }

    private static String json(Object value) {
        return new String(BookingJson.writePlain(value), StandardCharsets.UTF_8);
    }
}
