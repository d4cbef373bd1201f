package io.fms.processor.outbox;

import io.fms.events.Availability;
import io.fms.events.BookingJson;
import io.fms.events.BookingView;
import io.fms.events.ReadModelKeys;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** The Redis read model the API answers from: bookings' status, trips' availability, and the decisions channel. */
@Component
public class ReadModel {

    private static final byte[] DECISIONS_CHANNEL = utf8(ReadModelKeys.DECISIONS_CHANNEL);

    // A booking only moves forward (PENDING, then CONFIRMED or REJECTED, then CANCELLED). The batch that decided and
    // the sweeper that republishes can race; comparing ranks in Redis keeps an older view from replacing a newer one.
    private static final byte[] WRITE_IF_NOT_OLDER = utf8("""
            local rank = {PENDING = 0, CONFIRMED = 1, REJECTED = 1, CANCELLED = 2}
            local current = redis.call('GET', KEYS[1])
            if current then
              local ok, view = pcall(cjson.decode, current)
              if ok and type(view) == 'table' and rank[view.status] and rank[view.status] > rank[ARGV[3]] then
                return 0
              end
            end
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            return 1
            """);

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
            for (BookingView booking : bookings) {
                connection
                        .scriptingCommands()
                        .eval(
                                WRITE_IF_NOT_OLDER,
                                ReturnType.INTEGER,
                                1,
                                utf8(ReadModelKeys.booking(booking.bookingId())),
                                BookingJson.writePlain(booking),
                                utf8(Long.toString(ttlSeconds)),
                                utf8(booking.status().name()));
            }
            for (Availability availability : availabilities) {
                connection
                        .stringCommands()
                        .setEx(
                                utf8(ReadModelKeys.availability(availability.tripId())),
                                ReadModelKeys.AVAILABILITY_TTL.toSeconds(),
                                BookingJson.writePlain(availability));
            }
            for (BookingView booking : bookings) {
                connection.publish(DECISIONS_CHANNEL, utf8(booking.bookingId().toString()));
            }
            return null;
        });
    }

    // The API reads these through a StringRedisTemplate: keys, values and messages are UTF-8 text.
    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
