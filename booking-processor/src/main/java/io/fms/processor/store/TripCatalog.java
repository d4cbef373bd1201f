package io.fms.processor.store;

import io.fms.allocation.SeatLayout;
import io.fms.allocation.TripInventory;
import io.fms.allocation.WaitlistLimits;
import io.fms.events.BookingStatus;
import io.fms.events.TripSummary;
import io.fms.events.Waitlist;
import io.fms.processor.decision.BookingRecord;
import io.fms.processor.decision.TripState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Builds trips' inventories from the truth in Postgres: the layout and departure from booking-api's catalog, the live
 * seats from this service's own {@code booking_seats}. Read when a partition first meets a trip, so an instance that
 * takes a partition over starts from what was committed, not from what another instance had in memory.
 */
@Repository
public class TripCatalog {

    private static final Logger log = LoggerFactory.getLogger(TripCatalog.class);

    private static final String TRIPS = """
            select t.id, t.departure_time, t.seat_rows, t.seat_columns, t.capacity,
                   f.flight_number, f.origin, f.destination
              from catalog.trips t
              join catalog.flights f on f.id = t.flight_id
             where t.id = any(?)
            """;

    private static final String LIVE_SEATS = """
            select s.trip_id, s.booking_id, s.seat
              from booking.booking_seats s
              join booking.bookings b on b.id = booking_id
             where s.trip_id = any(?) and s.released_at is null and b.status = 'CONFIRMED'
             order by s.trip_id, s.booking_id
            """;

    private static final String OPEN_BOOKINGS = "select " + BookingRows.COLUMNS + """
             from booking.bookings
            where trip_id = any(?) and status in ('HELD', 'WAITLISTED')
            order by trip_id, waitlist_order nulls first
            """;

    private static final String TRIPS_WITH_TIMERS =
            "select distinct trip_id from booking.bookings where status in ('HELD', 'WAITLISTED')";

    private final JdbcTemplate jdbc;
    private final WaitlistLimits limits = new WaitlistLimits(Waitlist.PARTIES_MAX, Waitlist.PASS_OVERS_MAX);

    public TripCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The trips with open bookings (live holds, waiting parties) among those {@code onPartition} accepts: loaded when
     * a partition is taken, so that their deadlines pass even if no command names them again.
     */
    public Map<UUID, TripState> loadTimed(Predicate<UUID> onPartition) {
        List<UUID> tripIds = jdbc.queryForList(TRIPS_WITH_TIMERS, UUID.class).stream()
                .filter(onPartition)
                .toList();
        return load(tripIds);
    }

    /** The trips among {@code tripIds} that the catalog knows, with their live bookings restored. */
    public Map<UUID, TripState> load(Collection<UUID> tripIds) {
        if (tripIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, TripState> trips = new HashMap<>();
        jdbc.query(TRIPS, statement -> statement.setArray(1, Sql.uuidArray(statement, tripIds)), row -> {
            UUID tripId = row.getObject("id", UUID.class);
            TripSummary summary = new TripSummary(
                    tripId,
                    row.getString("flight_number"),
                    row.getString("origin"),
                    row.getString("destination"),
                    Sql.instant(row, "departure_time"));
            SeatLayout layout = layout(tripId, row.getInt("seat_rows"), row.getString("seat_columns"));
            if (layout == null) {
                return;
            }
            if (layout.capacity() != row.getInt("capacity")) {
                log.warn(
                        "trip {} says capacity {} but its layout holds {} seats; selling the layout",
                        tripId,
                        row.getInt("capacity"),
                        layout.capacity());
            }
            // Sales close when the flight departs.
            trips.put(
                    tripId, new TripState(summary, new TripInventory(tripId, layout, summary.departureTime(), limits)));
        });
        restoreConfirmedSeats(trips);
        restoreOpenBookings(trips);
        return trips;
    }

    /** Held bookings with their deadlines and seats, and waiting parties in their order, with their records. */
    private void restoreOpenBookings(Map<UUID, TripState> trips) {
        if (trips.isEmpty()) {
            return;
        }
        jdbc.query(OPEN_BOOKINGS, statement -> statement.setArray(1, Sql.uuidArray(statement, trips.keySet())), row -> {
            BookingRecord booking = BookingRows.read(row);
            TripState trip = trips.get(booking.tripId());
            if (booking.status() == BookingStatus.HELD) {
                trip.inventory().restoreHold(booking.bookingId(), booking.seats(), booking.holdExpiresAt());
            } else {
                Duration hold = booking.holdSeconds() == null ? null : Duration.ofSeconds(booking.holdSeconds());
                trip.inventory()
                        .restoreWaiting(
                                booking.bookingId(),
                                booking.passengers().size(),
                                hold,
                                booking.waitlistOrder(),
                                booking.waitlistPassOvers());
            }
            trip.openBookings().put(booking.bookingId(), booking);
        });
    }

    private static SeatLayout layout(UUID tripId, int rows, String columns) {
        try {
            return new SeatLayout(rows, columns);
        } catch (IllegalArgumentException e) {
            // The API validates layouts with the same limits, so this is a catalog bug. Stalling the partition on it
            // would hold up every other trip there; the trip is treated as one with nothing to sell instead.
            log.error("trip {} has a layout the allocator cannot serve: {}", tripId, e.getMessage());
            return null;
        }
    }

    private void restoreConfirmedSeats(Map<UUID, TripState> trips) {
        if (trips.isEmpty()) {
            return;
        }
        Map<UUID, Map<UUID, List<String>>> seatsByTripAndBooking = new HashMap<>();
        jdbc.query(LIVE_SEATS, statement -> statement.setArray(1, Sql.uuidArray(statement, trips.keySet())), row -> {
            seatsByTripAndBooking
                    .computeIfAbsent(row.getObject("trip_id", UUID.class), trip -> new LinkedHashMap<>())
                    .computeIfAbsent(row.getObject("booking_id", UUID.class), booking -> new ArrayList<>())
                    .add(row.getString("seat"));
        });
        // restore() refuses a seat held twice or outside the layout: serving from such data would spread the damage.
        seatsByTripAndBooking.forEach((tripId, bookings) -> bookings.forEach(
                (bookingId, seats) -> trips.get(tripId).inventory().restore(bookingId, seats)));
    }
}
