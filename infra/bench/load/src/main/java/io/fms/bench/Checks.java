package io.fms.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
 * answered with: no seat in two live bookings (held or confirmed), no trip over capacity, no answered booking
 * without a decision; and, when the run held seats, how its holds ended (once their deadlines passed: all expired).
 *
 * @param confirmedSeats seats of confirmed bookings (a hold not paid is not counted)
 * @param holdsLeft the "with holds" variant only (else null and absent from the JSON)
 */
public final class Checks {

    public record Result(
            long confirmedSeats,
            long doubleBookedSeats,
            long tripsOverCapacity,
            long lost,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonUnwrapped
            HoldsLeft holdsLeft) {

        boolean hold() {
            return doubleBookedSeats == 0
                    && tripsOverCapacity == 0
                    && lost == 0
                    && (holdsLeft == null || holdsLeft.hold());
        }

        /** Two runs' checks added up. */
        Result plus(Result other) {
            return new Result(
                    confirmedSeats + other.confirmedSeats,
                    doubleBookedSeats + other.doubleBookedSeats,
                    tripsOverCapacity + other.tripsOverCapacity,
                    lost + other.lost,
                    holdsLeft == null || other.holdsLeft == null ? null : holdsLeft.plus(other.holdsLeft));
        }
    }

    /**
     * The run's bookings that were holds and are, when the checks ran, expired (their seats free again) or still
     * held (an abandoned hold whose deadline had not come, or had come less than the system's sweep ago).
     */
    public record HoldsLeft(long expired, long stillHeld, boolean lapseAwaited) {

        /** Once every unpaid hold's deadline has passed (with slack), none may still hold its seats. */
        boolean hold() {
            return !lapseAwaited || stillHeld == 0;
        }

        HoldsLeft plus(HoldsLeft other) {
            return new HoldsLeft(
                    expired + other.expired, stillHeld + other.stillHeld, lapseAwaited && other.lapseAwaited);
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

    /**
     * @param holds whether the run held seats: then how its holds ended is counted too
     * @param lapseAwaited whether every unpaid hold's deadline had passed: then none may be still held
     */
    static Result run(Stack stack, Tables t, String[] tripIds, Outcomes outcomes, boolean holds, boolean lapseAwaited)
            throws SQLException {
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
            String seatsOf = "select s." + t.seatTrip() + " as trip_id, s." + t.seatLabel() + " as seat from "
                    + t.seats() + " s join " + t.bookings() + " b on b." + t.bookingId() + " = s." + t.seatBooking()
                    + " join bench_trips r on r.trip_id = s." + t.seatTrip() + " where b." + t.status();
            // A hold takes its seats as a confirmed booking does: both are live.
            String liveSeats = seatsOf + " in ('HELD', 'CONFIRMED')";
            long seats = count(db, "select count(*) from (" + seatsOf + " = 'CONFIRMED') c");
            long doubled = count(
                    db,
                    "select count(*) from (select trip_id, seat from (" + liveSeats
                            + ") c group by trip_id, seat having count(*) > 1) d");
            long over = count(
                    db,
                    "select count(*) from (select trip_id, count(*) as n from (" + liveSeats
                            + ") c group by trip_id) o join " + t.trips() + " tr on tr." + t.tripId()
                            + " = o.trip_id where o.n > tr." + t.capacity());
            String answeredWith = "select count(*) from bench_answered a where %s (select 1 from " + t.bookings()
                    + " b where b." + t.bookingId() + " = a.booking_id and b." + t.status() + " in (%s))";
            long lost = count(
                    db,
                    answeredWith.formatted("not exists", "'CONFIRMED', 'HELD', 'EXPIRED', 'REJECTED', 'CANCELLED'"));
            HoldsLeft holdsLeft = holds
                    ? new HoldsLeft(
                            count(db, answeredWith.formatted("exists", "'EXPIRED'")),
                            count(db, answeredWith.formatted("exists", "'HELD'")),
                            lapseAwaited)
                    : null;
            return new Result(seats, doubled, over, lost, holdsLeft);
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
