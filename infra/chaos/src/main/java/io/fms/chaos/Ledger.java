package io.fms.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The truth a fault is judged by: what booking-processor and notification-worker recorded in Postgres (the
 * {@code booking} and {@code notify} schemas of docs/design.md), read only.
 */
final class Ledger {

    private final Settings settings;

    Ledger(Settings settings) {
        this.settings = settings;
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.postgresUser());
        properties.setProperty("password", settings.postgresPassword());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(settings.postgresUrl(), properties);
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, Collection<String> ids, RowReader reader) {
        try (Connection database = connect();
                PreparedStatement statement = database.prepareStatement(sql)) {
            statement.setArray(
                    1,
                    database.createArrayOf(
                            "uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage(), e);
        }
    }

    /** Booking ID to its recorded status, for those of {@code bookingIds} that are decided. */
    Map<String, String> decisions(Collection<String> bookingIds) {
        return pairs("select id, status from booking.bookings where id = any(?)", bookingIds, ResultSet::getString);
    }

    /** Seats of these trips held by more than one live booking: what must never exist. */
    List<String> seatsHeldTwice(Collection<String> tripIds) {
        return column(
                "select trip_id || '/' || seat from booking.booking_seats where trip_id = any(?) and released_at is null"
                        + " group by trip_id, seat having count(*) > 1",
                tripIds);
    }

    /** Trips holding more live seats than they have. */
    List<String> tripsOverCapacity(Collection<String> tripIds) {
        return column(
                "select t.id from catalog.trips t join (select trip_id, count(*) as held from booking.booking_seats"
                        + " where trip_id = any(?) and released_at is null group by trip_id) s on s.trip_id = t.id"
                        + " where s.held > t.capacity",
                tripIds);
    }

    /** Booking ID to the number of events the processor made for it (1 for a decision, one more per change). */
    Map<String, Integer> eventSequences(Collection<String> bookingIds) {
        return pairs(
                "select id, event_sequence from booking.bookings where id = any(?)", bookingIds, ResultSet::getInt);
    }

    /** Live seats per trip. */
    Map<String, Integer> liveSeats(Collection<String> tripIds) {
        return pairs(
                "select trip_id, count(*) from booking.booking_seats where trip_id = any(?) and released_at is null"
                        + " group by trip_id",
                tripIds,
                ResultSet::getInt);
    }

    /** Bookings with more than one decision event (sequence 1) in the worker's event log: decided twice. */
    List<String> decidedTwice(Collection<String> bookingIds) {
        return column(
                "select booking_id from notify.events where booking_id = any(?) and sequence = 1"
                        + " group by booking_id having count(*) > 1",
                bookingIds);
    }

    /** Event ID per booking, of the events the worker received for these bookings. */
    Map<String, String> eventIds(Collection<String> bookingIds) {
        return pairs(
                "select event_id, booking_id from notify.events where booking_id = any(?)",
                bookingIds,
                ResultSet::getString);
    }

    private interface Column<V> {
        V read(ResultSet row, int index) throws SQLException;
    }

    /** The first column of every row of {@code sql}, whose one parameter is {@code ids}. */
    private List<String> column(String sql, Collection<String> ids) {
        List<String> values = new ArrayList<>();
        query(sql, ids, row -> values.add(row.getString(1)));
        return values;
    }

    /** The first column of every row of {@code sql} to its second, read by {@code value}. */
    private <V> Map<String, V> pairs(String sql, Collection<String> ids, Column<V> value) {
        Map<String, V> pairs = new HashMap<>();
        query(sql, ids, row -> pairs.put(row.getString(1), value.read(row, 2)));
        return pairs;
    }

    record Deliveries(int delivered, int notFinal, int dead, int deliveredTwice) {}

    /** Where the notifications of these bookings stand; delivered twice = more than one successful attempt. */
    Deliveries deliveries(Collection<String> bookingIds) {
        int[] counts = new int[4];
        query(
                "select count(*) filter (where status = 'DELIVERED'), count(*) filter (where status = 'PENDING'),"
                        + " count(*) filter (where status = 'DEAD'),"
                        + " count(*) filter (where (select count(*) from notify.attempts a where a.delivery_id = d.id"
                        + " and a.outcome = 'SUCCESS') > 1)"
                        + " from notify.deliveries d where booking_id = any(?)",
                bookingIds,
                row -> {
                    for (int index = 0; index < 4; index++) {
                        counts[index] = row.getInt(index + 1);
                    }
                });
        return new Deliveries(counts[0], counts[1], counts[2], counts[3]);
    }

    /** How many booking rows there are for these trips (a second booking from a retried key would add one). */
    int bookingRows(Collection<String> tripIds) {
        int[] count = new int[1];
        query("select count(*) from booking.bookings where trip_id = any(?)", tripIds, row -> count[0] = row.getInt(1));
        return count[0];
    }

    /** Reject reason per booking, for the given bookings. */
    Map<String, String> reasons(Collection<String> bookingIds) {
        return pairs(
                "select id, coalesce(reason, '') from booking.bookings where id = any(?)",
                bookingIds,
                ResultSet::getString);
    }

    // Stands for "the group never settled": no decision is that late.
    private static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

    record DrainStats(int decided, Instant first, Instant last, int decidedSince) {}

    /** How many of these trips' bookings are decided, the first and last decided_at, and how many since a moment. */
    DrainStats drainStats(Collection<String> tripIds, Instant since) {
        String sql = "select count(*), min(decided_at), max(decided_at), count(*) filter (where decided_at >= ?)"
                + " from booking.bookings where trip_id = any(?)";
        try (Connection database = connect();
                PreparedStatement statement = database.prepareStatement(sql)) {
            statement.setTimestamp(1, java.sql.Timestamp.from(since == null ? NEVER : since));
            statement.setArray(
                    2,
                    database.createArrayOf(
                            "uuid", tripIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new DrainStats(
                        row.getInt(1),
                        row.getTimestamp(2).toInstant(),
                        row.getTimestamp(3).toInstant(),
                        row.getInt(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage(), e);
        }
    }
}
