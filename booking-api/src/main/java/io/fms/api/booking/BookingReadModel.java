package io.fms.api.booking;

import io.fms.events.BookingJson;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.PartitionProgress;
import io.fms.events.ReadModelKeys;
import io.fms.events.UnreadableRecordException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Booking status as clients see it: the Redis entry (PENDING from intake, then each decision from the processor),
 * else the processor's row in Postgres. Redis failures propagate: without Redis a PENDING booking would look
 * unknown, and a booking answered 202 must never be 404.
 */
@Component
public class BookingReadModel {

    private static final Logger LOG = LoggerFactory.getLogger(BookingReadModel.class);

    private final StringRedisTemplate redis;
    private final BookingRecords records;
    private final UndecidedCommands undecided;
    private final BookingIds bookingIds;

    BookingReadModel(
            StringRedisTemplate redis, BookingRecords records, UndecidedCommands undecided, BookingIds bookingIds) {
        this.redis = redis;
        this.bookingIds = bookingIds;
        this.records = records;
        this.undecided = undecided;
    }

    /**
     * The lookup every read of a booking goes through: known here means known to the status endpoint. A booking in
     * neither Redis nor Postgres whose command may still wait on its partition is PENDING, with nothing but its ID
     * (the rest of it is in the log, where only the processor reads it). The booking comes as answered: with its
     * queue place while PENDING, its waitlist place while WAITLISTED.
     */
    public Optional<BookingView> find(UUID bookingId) {
        OptionalInt partition = BookingIds.partitionOf(bookingId);
        BookingView cached;
        Optional<PartitionProgress> progress = Optional.empty();
        if (partition.isPresent()) {
            // The partition's progress rides along in the same round trip: a PENDING booking's answer needs it.
            List<String> values = redis.opsForValue()
                    .multiGet(List.of(
                            ReadModelKeys.booking(bookingId), ReadModelKeys.partitionProgress(partition.getAsInt())));
            if (values == null || values.size() != 2) {
                throw new IllegalStateException("MGET of 2 keys answered " + values);
            }
            cached = read(bookingId, values.get(0));
            progress = QueuePlaces.readProgress(partition.getAsInt(), values.get(1));
        } else {
            cached = read(bookingId, redis.opsForValue().get(ReadModelKeys.booking(bookingId)));
        }
        Optional<BookingView> known = Optional.ofNullable(cached).or(() -> records.find(bookingId));
        if (known.isEmpty()) {
            boolean waiting = undecided.mayBeWaiting(bookingId);
            known = records.find(bookingId).or(() -> waiting ? Optional.of(queuedUnread(bookingId)) : Optional.empty());
        }
        if (partition.isEmpty()) {
            return known.map(this::answer);
        }
        Optional<PartitionProgress> read = progress;
        return known.map(view -> answer(view, read));
    }

    /** The booking as answered, for a view read without its partition's progress (which this then reads). */
    BookingView answer(BookingView view) {
        if (view.status() != BookingStatus.PENDING || view.commandOffset() == null || view.tripId() == null) {
            return answer(view, Optional.empty());
        }
        int partition = bookingIds.tripPartition(view.tripId());
        return answer(
                view,
                QueuePlaces.readProgress(
                        partition, redis.opsForValue().get(ReadModelKeys.partitionProgress(partition))));
    }

    private BookingView answer(BookingView view, Optional<PartitionProgress> progress) {
        BookingView answered = QueuePlaces.withQueue(view, progress);
        if (answered.status() != BookingStatus.WAITLISTED || answered.tripId() == null) {
            return answered;
        }
        Integer place = waitlistPlace(answered);
        return place == null ? answered : answered.withWaitlistPosition(place);
    }

    /** 1 = next: the party's rank in the trip's waitlist in Redis, else counted in Postgres. */
    private Integer waitlistPlace(BookingView view) {
        try {
            Long rank = redis.opsForZSet()
                    .rank(
                            ReadModelKeys.waitlist(view.tripId()),
                            view.bookingId().toString());
            if (rank != null) {
                return Math.toIntExact(rank + 1);
            }
        } catch (DataAccessException e) {
            LOG.debug("Waitlist of trip {} unreadable in Redis, counting in Postgres: {}", view.tripId(), e.toString());
        }
        return records.waitlistPlace(view.bookingId()).orElse(null);
    }

    private static BookingView queuedUnread(UUID bookingId) {
        return BookingView.builder(bookingId, null, BookingStatus.PENDING).build();
    }

    Optional<BookingView> cached(UUID bookingId) {
        return Optional.ofNullable(read(bookingId, redis.opsForValue().get(ReadModelKeys.booking(bookingId))));
    }

    Map<UUID, BookingView> cached(List<UUID> bookingIds) {
        List<String> values = redis.opsForValue()
                .multiGet(bookingIds.stream().map(ReadModelKeys::booking).toList());
        Map<UUID, BookingView> views = new HashMap<>();
        for (int i = 0; values != null && i < bookingIds.size(); i++) {
            BookingView view = read(bookingIds.get(i), values.get(i));
            if (view != null) {
                views.put(bookingIds.get(i), view);
            }
        }
        return views;
    }

    /** Records the PENDING entry unless the processor's decision got there first, which it must not overwrite. */
    void putPendingIfAbsent(BookingView pending) {
        String json = new String(BookingJson.writePlain(pending), StandardCharsets.UTF_8);
        redis.opsForValue().setIfAbsent(ReadModelKeys.booking(pending.bookingId()), json, ReadModelKeys.BOOKING_TTL);
    }

    private static BookingView read(UUID bookingId, String json) {
        if (json == null) {
            return null;
        }
        try {
            return BookingJson.readPlain(json.getBytes(StandardCharsets.UTF_8), BookingView.class);
        } catch (UnreadableRecordException e) {
            LOG.warn("Ignoring unreadable read-model entry of booking {}: {}", bookingId, e.getMessage());
            return null;
        }
    }
}
