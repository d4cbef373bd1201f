package io.fms.api.booking;

import io.fms.api.catalog.SeatAvailability;
import io.fms.events.Availability;
import io.fms.events.PartitionProgress;
import io.fms.events.ReadModelKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * What intake reads from Redis before it queues a request, in one MGET: the Idempotency-Key's earlier claim (when
 * the request has a key), the trip's availability for the door, and the progress of the trip's command partition
 * for the queue place of the answer. The progress is read a moment before the send, so the place it gives can only
 * be too high by the commands decided during the send, never too low; every later read of the booking is closer.
 */
@Component
class IntakeLookup {

    /** What intake needs to know before its door check. */
    record Lookup(
            Optional<IdempotencyStore.Claim> earlier,
            Optional<Availability> availability,
            Optional<PartitionProgress> progress) {}

    private final StringRedisTemplate redis;

    IntakeLookup(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** @param idempotencyKey null for a request without one */
    Lookup find(String idempotencyKey, UUID tripId, int partition) {
        List<String> keys = new ArrayList<>(3);
        keys.add(ReadModelKeys.availability(tripId));
        keys.add(ReadModelKeys.partitionProgress(partition));
        if (idempotencyKey != null) {
            keys.add(IdempotencyStore.redisKey(idempotencyKey));
        }
        List<String> values = redis.opsForValue().multiGet(keys);
        if (values == null || values.size() != keys.size()) {
            throw new IllegalStateException("MGET of " + keys.size() + " keys answered " + values);
        }
        return new Lookup(
                idempotencyKey == null
                        ? Optional.empty()
                        : Optional.ofNullable(values.get(2)).map(IdempotencyStore::read),
                Optional.ofNullable(SeatAvailability.read(tripId, values.get(0))),
                QueuePlaces.readProgress(partition, values.get(1)));
    }
}
