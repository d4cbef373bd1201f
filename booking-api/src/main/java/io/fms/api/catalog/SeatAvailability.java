package io.fms.api.catalog;

import io.fms.api.ProcessorTables;
import io.fms.events.Availability;
import io.fms.events.BookingJson;
import io.fms.events.ReadModelKeys;
import io.fms.events.UnreadableRecordException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many seats a trip has left, as the processor last said (its Redis snapshot), or else counted from the seats
 * it holds in Postgres. The snapshot may lag the truth by one batch; the processor decides, this only informs.
 */
@Component
public class SeatAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(SeatAvailability.class);

    private final StringRedisTemplate redis;
    private final JdbcClient jdbc;

    SeatAvailability(StringRedisTemplate redis, JdbcClient jdbc) {
        this.redis = redis;
        this.jdbc = jdbc;
    }

    /** The processor's snapshot, if it wrote one. Redis failures propagate: intake must not guess. */
    public Optional<Availability> snapshot(UUID tripId) {
        return Optional.ofNullable(read(tripId, redis.opsForValue().get(ReadModelKeys.availability(tripId))));
    }

    /** Seats left per trip, for showing; if Redis is down the count comes from Postgres alone. */
    public Map<UUID, Integer> availableSeats(List<Trip> trips) {
        Map<UUID, Integer> available = new HashMap<>();
        if (trips.isEmpty()) {
            return available;
        }
        try {
            List<String> snapshots = redis.opsForValue()
                    .multiGet(trips.stream()
                            .map(trip -> ReadModelKeys.availability(trip.id()))
                            .toList());
            for (int i = 0; i < trips.size(); i++) {
                Availability snapshot = read(trips.get(i).id(), snapshots == null ? null : snapshots.get(i));
                if (snapshot != null) {
                    available.put(
                            trips.get(i).id(),
                            Math.min(
                                    snapshot.availableSeats(),
                                    trips.get(i).layout().capacity()));
                }
            }
        } catch (DataAccessException e) {
            LOG.warn("Availability snapshots unreadable, counting from Postgres: {}", e.toString());
        }
        List<Trip> uncounted =
                trips.stream().filter(trip -> !available.containsKey(trip.id())).toList();
        Map<UUID, Integer> booked = bookedCounts(uncounted);
        for (Trip trip : uncounted) {
            available.put(trip.id(), Math.max(0, trip.layout().capacity() - booked.getOrDefault(trip.id(), 0)));
        }
        return available;
    }

    public int availableSeats(Trip trip) {
        return availableSeats(List.of(trip)).get(trip.id());
    }

    /**
     * The seats live bookings take, from Postgres (the seat map's source of truth): {@code HELD} while their booking
     * is held for payment, {@code BOOKED} once it is confirmed.
     */
    public Map<String, SeatMap.Status> takenSeats(UUID tripId) {
        try {
            Map<String, SeatMap.Status> taken = new HashMap<>();
            jdbc.sql(
                            "select s.seat, b.status from booking.booking_seats s join booking.bookings b on b.id = s.booking_id"
                                    + " where s.trip_id = ? and s.released_at is null")
                    .param(tripId)
                    .query((rs, row) -> taken.put(
                            rs.getString("seat"),
                            "HELD".equals(rs.getString("status")) ? SeatMap.Status.HELD : SeatMap.Status.BOOKED))
                    .list();
            return taken;
        } catch (DataAccessException e) {
            if (ProcessorTables.isMissing(e)) {
                return Map.of();
            }
            throw e;
        }
    }

    private Map<UUID, Integer> bookedCounts(List<Trip> trips) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (trips.isEmpty()) {
            return counts;
        }
        try {
            jdbc.sql("select trip_id, count(*) as booked from booking.booking_seats"
                            + " where released_at is null and trip_id in (:tripIds) group by trip_id")
                    .param("tripIds", trips.stream().map(Trip::id).toList())
                    .query((rs, row) -> counts.put(rs.getObject("trip_id", UUID.class), rs.getInt("booked")))
                    .list();
        } catch (DataAccessException e) {
            if (!ProcessorTables.isMissing(e)) {
                throw e;
            }
        }
        return counts;
    }

    /** A snapshot as stored in Redis; {@code null} when absent or unreadable (then intake has no door check). */
    public static Availability read(UUID tripId, String json) {
        if (json == null) {
            return null;
        }
        try {
            return BookingJson.readPlain(json.getBytes(StandardCharsets.UTF_8), Availability.class);
        } catch (UnreadableRecordException | IllegalArgumentException e) {
            LOG.warn("Ignoring unreadable availability snapshot of trip {}: {}", tripId, e.getMessage());
            return null;
        }
    }
}
