package io.fms.processor.readmodel;

import io.fms.events.Availability;
import io.fms.events.BookingJson;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.PartitionProgress;
import io.fms.events.ReadModelKeys;
import io.fms.processor.decision.BatchDecisions.WaitlistMove;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
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

    // A booking only moves forward along its life (BookingStatus.rank). The batch that decided and the sweeper that
    // republishes can race; comparing ranks in Redis keeps an older view from replacing a newer one.
    // The announcements follow the writes in the same script, so a long-poll woken by one already reads the decision.
    // KEYS: the bookings' keys, then the availability keys. ARGV: booking TTL s, availability TTL s, channel, booking
    // count n, then n triples (view, status, booking ID), then one value per availability key.
    private static final String WRITE_IF_NOT_OLDER = "local rank = " + ranks() + "\n" + """
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

    private static final String SCRIPT = WRITE_IF_NOT_OLDER;
    private static final String SCRIPT_SHA = RedisScript.of(WRITE_IF_NOT_OLDER).getSha1();
    private static final byte[] BOOKING_TTL_S = utf8(Long.toString(ReadModelKeys.BOOKING_TTL.toSeconds()));
    private static final byte[] AVAILABILITY_TTL_S = utf8(Long.toString(ReadModelKeys.AVAILABILITY_TTL.toSeconds()));
    private static final byte[] DECISIONS_CHANNEL = utf8(ReadModelKeys.DECISIONS_CHANNEL);

    /** Bounds the wait for one round of script calls; Lettuce's own command timeout usually answers first. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final StringRedisTemplate redis;

    public ReadModel(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The statuses' ranks as a Lua table, e.g. {@code {PENDING = 0, WAITLISTED = 1, ...}}. */
    private static String ranks() {
        StringBuilder table = new StringBuilder("{");
        for (BookingStatus status : BookingStatus.values()) {
            table.append(table.length() > 1 ? ", " : "")
                    .append(status.name())
                    .append(" = ")
                    .append(status.rank());
        }
        return table.append('}').toString();
    }

    /**
     * Writes where queued bookings stand: the trips' waitlists (a sorted set per trip, scored by the request's
     * offset, so a party's rank is its place) and each partition's progress. The API reads both when it answers.
     */
    @SuppressWarnings("unchecked")
    public void writeQueues(Collection<WaitlistMove> waitlist, Collection<PartitionProgress> progress) {
        if (waitlist.isEmpty() && progress.isEmpty()) {
            return;
        }
        redis.execute((RedisCallback<Object>) connection -> {
            RedisClusterAsyncCommands<byte[], byte[]> commands =
                    (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
            List<RedisFuture<?>> futures = new ArrayList<>();
            for (WaitlistMove move : waitlist) {
                byte[] key = utf8(ReadModelKeys.waitlist(move.tripId()));
                byte[] member = utf8(move.bookingId().toString());
                futures.add(
                        move.order() == null
                                ? commands.zrem(key, member)
                                : commands.zadd(key, (double) move.order(), member));
            }
            for (PartitionProgress partition : progress) {
                futures.add(commands.set(
                        utf8(ReadModelKeys.partitionProgress(partition.partition())),
                        BookingJson.writePlain(partition)));
            }
            for (RedisFuture<?> future : futures) {
                try {
                    future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RedisSystemException("interrupted while writing queues", e);
                } catch (ExecutionException | TimeoutException e) {
                    throw new RedisSystemException("queue positions not written: " + e, e);
                }
            }
            return null;
        });
    }

    /**
     * Writes the entries and announces the bookings on {@link ReadModelKeys#DECISIONS_CHANNEL}, in order: a booking
     * listed twice ends with its later view. Every booking is written before any availability snapshot.
     */
    public void write(Collection<BookingView> bookings, Collection<Availability> availabilities) {
        if (bookings.isEmpty() && availabilities.isEmpty()) {
            return;
        }
        List<BookingView> allBookings = List.copyOf(bookings);
        List<Availability> allAvailabilities = List.copyOf(availabilities);
        redis.execute((RedisCallback<Object>) connection -> {
            // Redis Cluster runs a script only on keys of one hash slot, so the calls are cut by slot there; a
            // standalone server holds every key, and one call takes up to BOOKINGS_PER_CALL of them.
            boolean cluster = connection instanceof RedisClusterConnection;
            List<Call> bookingCalls = new ArrayList<>();
            bySlot(allBookings, booking -> ReadModelKeys.booking(booking.bookingId()), cluster)
                    .forEach(group -> {
                        for (int from = 0; from < group.size(); from += BOOKINGS_PER_CALL) {
                            bookingCalls.add(Call.bookings(
                                    group.subList(from, Math.min(group.size(), from + BOOKINGS_PER_CALL))));
                        }
                    });
            List<Call> availabilityCalls = new ArrayList<>();
            bySlot(allAvailabilities, availability -> ReadModelKeys.availability(availability.tripId()), cluster)
                    .forEach(group -> availabilityCalls.add(Call.availabilities(group)));
            // One server runs the calls of one connection in the order sent; a cluster's nodes run theirs side by
            // side, so there the snapshots wait until every booking call has answered.
            if (cluster) {
                run(connection, bookingCalls);
                run(connection, availabilityCalls);
            } else {
                List<Call> all = new ArrayList<>(bookingCalls);
                all.addAll(availabilityCalls);
                run(connection, all);
            }
            return null;
        });
    }

    /** One script call: bookings and availability snapshots whose keys share a hash slot on a cluster. */
    private record Call(List<BookingView> bookings, List<Availability> availabilities) {
        static Call bookings(List<BookingView> bookings) {
            return new Call(bookings, List.of());
        }

        static Call availabilities(List<Availability> availabilities) {
            return new Call(List.of(), availabilities);
        }

        byte[][] keys() {
            List<byte[]> keys = new ArrayList<>(bookings.size() + availabilities.size());
            for (BookingView booking : bookings) {
                keys.add(utf8(ReadModelKeys.booking(booking.bookingId())));
            }
            for (Availability availability : availabilities) {
                keys.add(utf8(ReadModelKeys.availability(availability.tripId())));
            }
            return keys.toArray(new byte[0][]);
        }

        byte[][] args() {
            List<byte[]> args = new ArrayList<>(bookings.size() * 3 + availabilities.size() + 4);
            args.add(BOOKING_TTL_S);
            args.add(AVAILABILITY_TTL_S);
            args.add(DECISIONS_CHANNEL);
            args.add(utf8(Integer.toString(bookings.size())));
            for (BookingView booking : bookings) {
                args.add(BookingJson.writePlain(booking));
                args.add(utf8(booking.status().name()));
                args.add(utf8(booking.bookingId().toString()));
            }
            for (Availability availability : availabilities) {
                args.add(BookingJson.writePlain(availability));
            }
            return args.toArray(new byte[0][]);
        }
    }

    /** The items grouped by their key's hash slot, each group in the order given; one group when not a cluster. */
    static <T> Collection<List<T>> bySlot(List<T> items, Function<T, String> key, boolean cluster) {
        if (!cluster) {
            return items.isEmpty() ? List.of() : List.of(items);
        }
        Map<Integer, List<T>> groups = new LinkedHashMap<>();
        for (T item : items) {
            groups.computeIfAbsent(SlotHash.getSlot(key.apply(item)), slot -> new ArrayList<>())
                    .add(item);
        }
        return groups.values();
    }

    // The calls go out together on the shared connection and are awaited together: a batch costs about one round
    // trip per node, whatever the number of calls.
    @SuppressWarnings("unchecked")
    private static void run(RedisConnection connection, List<Call> calls) {
        RedisClusterAsyncCommands<byte[], byte[]> commands =
                (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
        List<Call> unloaded = await(
                calls, call -> commands.evalsha(SCRIPT_SHA, ScriptOutputType.INTEGER, call.keys(), call.args()), true);
        // A node restarted, failed over or flushed its script cache: EVAL loads the script there again.
        await(unloaded, call -> commands.eval(SCRIPT, ScriptOutputType.INTEGER, call.keys(), call.args()), false);
    }

    /**
     * The calls refused with NOSCRIPT when {@code unloadedAllowed}; any other failure is thrown once every call has
     * answered.
     */
    private static List<Call> await(
            List<Call> calls, Function<Call, RedisFuture<Object>> send, boolean unloadedAllowed) {
        if (calls.isEmpty()) {
            return List.of();
        }
        List<RedisFuture<Object>> futures = calls.stream().map(send).toList();
        List<Call> noScript = new ArrayList<>();
        RuntimeException failure = null;
        for (int i = 0; i < calls.size(); i++) {
            try {
                futures.get(i).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (unloadedAllowed && noScript(e)) {
                    noScript.add(calls.get(i));
                } else if (failure == null) {
                    failure = new RedisSystemException("read model script failed: " + e.getCause(), e.getCause());
                }
            } catch (TimeoutException e) {
                if (failure == null) {
                    failure = new QueryTimeoutException("read model script not answered in " + CALL_TIMEOUT, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RedisSystemException("interrupted while writing the read model", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return noScript;
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
