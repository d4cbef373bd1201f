package io.fms.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What booking-processor recorded in Postgres ({@code booking} schema of docs/design.md), read for checks only. */
final class Ledger {

    private final RunningFms fms;

    Ledger(RunningFms fms) {
        this.fms = fms;
    }

    /** Every booking row of the trip, one entry per row (a duplicate row would show twice). */
    List<String> bookingIds(String tripId) throws SQLException {
        List<String> ids = new ArrayList<>();
        query("select id from booking.bookings where trip_id = ?::uuid", tripId, rows -> ids.add(rows.getString(1)));
        return ids;
    }

    /** Booking ID to the status recorded with it. */
    Map<String, String> statuses(String tripId) throws SQLException {
        return pairs("select id, status from booking.bookings where trip_id = ?::uuid", tripId, ResultSet::getString);
    }

    /** Booking ID to how many events the processor made for it (one for its decision, one more per change). */
    Map<String, Integer> eventSequences(String tripId) throws SQLException {
        return pairs(
                "select id, event_sequence from booking.bookings where trip_id = ?::uuid", tripId, ResultSet::getInt);
    }

    /** Seats held by more than one live booking: what the unique constraint exists to make impossible. */
    List<String> seatsHeldTwice(String tripId) throws SQLException {
        List<String> seats = new ArrayList<>();
        query(
                "select seat from booking.booking_seats where trip_id = ?::uuid and released_at is null"
                        + " group by seat having count(*) > 1",
                tripId,
                rows -> seats.add(rows.getString(1)));
        return seats;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private interface Column<V> {
        V read(ResultSet row, int index) throws SQLException;
    }

    /** The first column of every row to its second, read by {@code value}, in the order of the rows. */
    private <V> Map<String, V> pairs(String sql, String tripId, Column<V> value) throws SQLException {
        Map<String, V> pairs = new LinkedHashMap<>();
        query(sql, tripId, rows -> pairs.put(rows.getString(1), value.read(rows, 2)));
        return pairs;
    }

    private void query(String sql, String tripId, RowReader reader) throws SQLException {
        try (Connection database = fms.database();
                PreparedStatement query = database.prepareStatement(sql)) {
            query.setString(1, tripId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }
}
