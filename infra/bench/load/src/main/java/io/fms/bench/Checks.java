package io.fms.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The invariants, checked by SQL against Postgres after a run, over the run's trips and the booking IDs the run was
 * answered with: no seat in two confirmed bookings, no trip over capacity, no answered booking without a decision.
 */
public final class Checks {

    public record Result(long confirmedSeats, long doubleBookedSeats, long tripsOverCapacity, long lost) {
        boolean hold() {
            return doubleBookedSeats == 0 && tripsOverCapacity == 0 && lost == 0;
        }
    }

    /** Where one system keeps its decisions. */
    record Tables(
            String bookings,
            String bookingId,
            String status,
            String seats,
            String seatTrip,
            String seatLabel,
            String seatBooking,
            String trips,
            String tripId,
            String capacity) {

        /** booking-processor's ledger (its Flyway migration), with booking-api's catalog for capacities. */
        static final Tables FMS = new Tables(
                "booking.bookings",
                "id",
                "status",
                "booking.booking_seats",
                "trip_id",
                "seat",
                "booking_id",
                "catalog.trips",
                "id",
                "capacity");

        /** A baseline's schema, as its README documents it. */
        static Tables baseline(String schema) {
            return new Tables(
                    schema + ".booking",
                    "booking_id",
                    "status",
                    schema + ".booking_seat",
                    "trip_id",
                    "seat_label",
                    "booking_id",
                    schema + ".trip",
                    "trip_id",
                    "capacity");
        }
    }

    private Checks() {}

    static Result run(Stack stack, Tables t, String[] tripIds, Outcomes outcomes) throws SQLException {
        try (Connection db =
                DriverManager.getConnection(stack.postgresUrl(), stack.postgresUser(), stack.postgresPassword())) {
            try (Statement setup = db.createStatement()) {
                setup.execute("create temporary table bench_trips (trip_id uuid primary key) on commit preserve rows");
                setup.execute("create temporary table bench_answered (booking_id uuid primary key)");
            }
            copy(db, "bench_trips", tripIds.length, i -> tripIds[i]);
            UuidIndex unique = new UuidIndex(outcomes.size());
            int[] answered = new int[outcomes.size()];
            int n = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.hasBookingId(i) && unique.get(outcomes.bookingMsb[i], outcomes.bookingLsb[i]) < 0) {
                    unique.put(outcomes.bookingMsb[i], outcomes.bookingLsb[i], i);
                    answered[n++] = i;
                }
            }
            copy(
                    db,
                    "bench_answered",
                    n,
                    k -> new UUID(outcomes.bookingMsb[answered[k]], outcomes.bookingLsb[answered[k]]).toString());
            try (Statement analyse = db.createStatement()) {
                analyse.execute("analyze bench_trips");
                analyse.execute("analyze bench_answered");
            }
            String confirmedSeats = "select s." + t.seatTrip() + " as trip_id, s." + t.seatLabel() + " as seat from "
                    + t.seats() + " s join " + t.bookings() + " b on b." + t.bookingId() + " = s." + t.seatBooking()
                    + " join bench_trips r on r.trip_id = s." + t.seatTrip() + " where b." + t.status()
                    + " = 'CONFIRMED'";
            long seats = count(db, "select count(*) from (" + confirmedSeats + ") c");
            long doubled = count(
                    db,
                    "select count(*) from (select trip_id, seat from (" + confirmedSeats
                            + ") c group by trip_id, seat having count(*) > 1) d");
            long over = count(
                    db,
                    "select count(*) from (select trip_id, count(*) as n from (" + confirmedSeats
                            + ") c group by trip_id) o join " + t.trips() + " tr on tr." + t.tripId()
                            + " = o.trip_id where o.n > tr." + t.capacity());
            long lost = count(
                    db,
                    "select count(*) from bench_answered a where not exists (select 1 from "
                            + t.bookings() + " b where b." + t.bookingId() + " = a.booking_id and b." + t.status()
                            + " in ('CONFIRMED', 'REJECTED', 'CANCELLED'))");
            return new Result(seats, doubled, over, lost);
        }
    }

    private interface Row {
        String text(int i);
    }

    private static void copy(Connection db, String table, int rows, Row row) throws SQLException {
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin");
        StringBuilder chunk = new StringBuilder(64 * 1024);
        for (int i = 0; i < rows; i++) {
            chunk.append(row.text(i)).append('\n');
            if (chunk.length() > 60_000 || i == rows - 1) {
                byte[] bytes = chunk.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                copy.writeToCopy(bytes, 0, bytes.length);
                chunk.setLength(0);
            }
        }
        copy.endCopy();
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}
