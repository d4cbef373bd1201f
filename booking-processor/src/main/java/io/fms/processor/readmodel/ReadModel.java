package io.fms.processor.readmodel;

import io.fms.events.Availability;
import io.fms.events.BookingJson;
import io.fms.events.BookingView;
import io.fms.events.ReadModelKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/** The Redis read model the API answers from: bookings' status, trips' availability, and the decisions channel. */
@Component
public class ReadModel {

    /**
     * Bookings per script call: a call runs alone in Redis, so it stays short (a millisecond or two), and a batch of
     * decisions costs a handful of commands instead of two per booking.
     */
    static final int BOOKINGS_PER_CALL = 500;

    // A booking only moves forward (PENDING, then CONFIRMED or REJECTED, then CANCELLED). The batch that decided and
    // the sweeper that republishes can race; comparing ranks in Redis keeps an older view from replacing a newer one.
    // The announcements follow the writes in the same script, so a long-poll woken by one already reads the decision.
    // KEYS: the bookings' keys, then the availability keys. ARGV: booking TTL s, availability TTL s, channel, booking
    // count n, then n triples (view, status, booking ID), then one value per availability key.
    private static final String WRITE_IF_NOT_OLDER = """
            local rank = {PENDING = 0, CONFIRMED = 1, REJECTED = 1, CANCELLED = 2}
            local n = tonumber(ARGV[4])
            local written = 0
            for i = 1, n do
              local status = ARGV[3 * i + 3]
              local current = redis.call('GET', KEYS[i])
              local older = false
              if current then
                local ok, view = pcall(cjson.decode, current)
                older = ok and type(view) == 'table' and rank[view.status] ~= nil and rank[view.status] > rank[status]
              end
              if not older then
                redis.call('SET', KEYS[i], ARGV[3 * i + 2], 'EX', ARGV[1])
                written = written + 1
              end
            end
            for j = n + 1, #KEYS do
              redis.call('SET', KEYS[j], ARGV[4 + 3 * n + j - n], 'EX', ARGV[2])
            end
            for i = 1, n do
              redis.call('PUBLISH', ARGV[3], ARGV[3 * i + 4])
            end
            return written
            """;

    private static final byte[] SCRIPT = utf8(WRITE_IF_NOT_OLDER);
    private static final String SCRIPT_SHA = RedisScript.of(WRITE_IF_NOT_OLDER).getSha1();
    private static final byte[] BOOKING_TTL_S = utf8(Long.toString(ReadModelKeys.BOOKING_TTL.toSeconds()));
    private static final byte[] AVAILABILITY_TTL_S = utf8(Long.toString(ReadModelKeys.AVAILABILITY_TTL.toSeconds()));
    private static final byte[] DECISIONS_CHANNEL = utf8(ReadModelKeys.DECISIONS_CHANNEL);

    private final StringRedisTemplate redis;

    public ReadModel(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * Writes the entries and announces the bookings on {@link ReadModelKeys#DECISIONS_CHANNEL}, in order: a booking
     * listed twice ends with its later view.
     */
    public void write(Collection<BookingView> bookings, Collection<Availability> availabilities) {
        if (bookings.isEmpty() && availabilities.isEmpty()) {
            return;
        }
        List<BookingView> all = List.copyOf(bookings);
        List<Availability> pendingAvailabilities = List.copyOf(availabilities);
        redis.execute((RedisCallback<Object>) connection -> {
            int from = 0;
            do {
                int to = Math.min(all.size(), from + BOOKINGS_PER_CALL);
                // The availability snapshots ride with the last call, after every booking is written.
                List<Availability> snapshots = to == all.size() ? pendingAvailabilities : List.of();
                run(connection, all.subList(from, to), snapshots);
                from = to;
            } while (from < all.size());
            return null;
        });
    }

    private static void run(RedisConnection connection, List<BookingView> bookings, List<Availability> availabilities) {
        List<byte[]> keysAndArgs = new ArrayList<>(bookings.size() * 4 + availabilities.size() * 2 + 4);
        for (BookingView booking : bookings) {
            keysAndArgs.add(utf8(ReadModelKeys.booking(booking.bookingId())));
        }
        for (Availability availability : availabilities) {
            keysAndArgs.add(utf8(ReadModelKeys.availability(availability.tripId())));
        }
        keysAndArgs.add(BOOKING_TTL_S);
        keysAndArgs.add(AVAILABILITY_TTL_S);
        keysAndArgs.add(DECISIONS_CHANNEL);
        keysAndArgs.add(utf8(Integer.toString(bookings.size())));
        for (BookingView booking : bookings) {
            keysAndArgs.add(BookingJson.writePlain(booking));
            keysAndArgs.add(utf8(booking.status().name()));
            keysAndArgs.add(utf8(booking.bookingId().toString()));
        }
        for (Availability availability : availabilities) {
            keysAndArgs.add(BookingJson.writePlain(availability));
        }
        byte[][] arguments = keysAndArgs.toArray(new byte[0][]);
        int keyCount = bookings.size() + availabilities.size();
        try {
            connection.scriptingCommands().evalSha(SCRIPT_SHA, ReturnType.INTEGER, keyCount, arguments);
        } catch (RuntimeException e) {
            if (!noScript(e)) {
                throw e;
            }
            // Redis restarted or flushed its script cache: EVAL loads the script again.
            connection.scriptingCommands().eval(SCRIPT, ReturnType.INTEGER, keyCount, arguments);
        }
    }

    private static boolean noScript(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }

    // The API reads these through a StringRedisTemplate: keys, values and messages are UTF-8 text.
    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
