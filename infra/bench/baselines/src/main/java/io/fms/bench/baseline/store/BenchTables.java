package io.fms.bench.baseline.store;

import io.fms.bench.baseline.Design;
import io.fms.bench.baseline.trip.LayoutConflictException;
import io.fms.bench.baseline.trip.TripLayout;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A design's tables in its own schema (README "Tables"): created at start, trips and their seats, the reset
 * between runs. Trips never change once created, so the ones known to exist are remembered and a booking for a
 * known trip costs no extra query.
 */
public class BenchTables {

    private static final int KNOWN_TRIPS_MAX = 100_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String schema;
    private final Set<UUID> knownTrips = ConcurrentHashMap.newKeySet();

    public BenchTables(JdbcTemplate jdbc, TransactionTemplate transactions, Design design) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.schema = design.schema();
    }

    public String schema() {
        return schema;
    }

    /** Creates the schema if it is missing: idempotent, so every start may run it. */
    public void create() {
        for (String statement : List.of(
                "CREATE SCHEMA IF NOT EXISTS %s",
                """
                CREATE TABLE IF NOT EXISTS %s.trip (
                    trip_id uuid PRIMARY KEY,
                    seat_rows int NOT NULL,
                    seat_columns text NOT NULL,
                    capacity int NOT NULL CHECK (capacity > 0))""",
                // fillfactor leaves room in each page so that booking a seat (no indexed column changes) is a
                // HOT update: no index is touched on the hot path.
                """
                CREATE TABLE IF NOT EXISTS %s.seat (
                    trip_id uuid NOT NULL,
                    seat_label text NOT NULL,
                    seat_no int NOT NULL,
                    booking_id uuid,
                    PRIMARY KEY (trip_id, seat_label)) WITH (fillfactor = 70)""",
                // Auto-assignment walks a trip's seats in seat order and stops at the first free ones.
                "CREATE INDEX IF NOT EXISTS seat_order ON %s.seat (trip_id, seat_no)",
                """
                CREATE TABLE IF NOT EXISTS %s.booking (
                    booking_id uuid PRIMARY KEY,
                    trip_id uuid NOT NULL,
                    status text NOT NULL,
                    reason text CHECK ((status = 'REJECTED') = (reason IS NOT NULL)),
                    idempotency_key text UNIQUE,
                    created_at timestamptz NOT NULL,
                    decided_at timestamptz NOT NULL)""",
                // No unique constraint on (trip_id, seat_label): the benchmark's SQL check looks for exactly the
                // double sale such a constraint would hide. seat.booking_id is what the designs lock and mark.
                """
                CREATE TABLE IF NOT EXISTS %s.booking_seat (
                    booking_id uuid NOT NULL,
                    trip_id uuid NOT NULL,
                    seat_label text NOT NULL)""",
                "CREATE INDEX IF NOT EXISTS booking_seat_booking ON %s.booking_seat (booking_id)",
                // Holds: a held booking has its seats (seat.booking_id) until hold_expires_at; paying it sets
                // payment_reference. Added, not created, so a schema made before holds gets them too.
                "ALTER TABLE %s.booking ADD COLUMN IF NOT EXISTS hold_expires_at timestamptz",
                "ALTER TABLE %s.booking ADD COLUMN IF NOT EXISTS payment_reference text",
                // The sweeper looks for lapsed holds only: a small index of the live ones, in deadline order.
                "CREATE INDEX IF NOT EXISTS booking_holds ON %s.booking (hold_expires_at) WHERE status = 'HELD'",
                // Named, and replaced on every start: a schema made before holds allowed fewer statuses.
                "ALTER TABLE %s.booking DROP CONSTRAINT IF EXISTS booking_status_check",
                "ALTER TABLE %s.booking ADD CONSTRAINT booking_status_check CHECK (status IN ('CONFIRMED', 'HELD',"
                        + " 'EXPIRED', 'REJECTED', 'CANCELLED'))")) {
            jdbc.execute(statement.formatted(schema));
        }
    }

    public void createTrip(UUID tripId, TripLayout layout) {
        transactions.executeWithoutResult(status -> {
            int created = jdbc.update(
                    "INSERT INTO %s.trip (trip_id, seat_rows, seat_columns, capacity) VALUES (?, ?, ?, ?)"
                                    .formatted(schema)
                            + " ON CONFLICT (trip_id) DO NOTHING",
                    tripId,
                    layout.rows(),
                    layout.columns(),
                    layout.capacity());
            if (created == 0) {
                Map<String, Object> existing = jdbc.queryForMap(
                        "SELECT seat_rows, seat_columns FROM %s.trip WHERE trip_id = ?".formatted(schema), tripId);
                if (!layout.rows().equals(existing.get("seat_rows"))
                        || !layout.columns().equals(existing.get("seat_columns"))) {
                    throw new LayoutConflictException("Trip " + tripId + " exists with another layout");
                }
                return;
            }
            // Every seat in one statement, generated by Postgres: one round trip per trip whatever its size.
            jdbc.update(
                    """
                    INSERT INTO %s.seat (trip_id, seat_label, seat_no)
                    SELECT ?, r || substr(?, c, 1), (r - 1) * ? + c
                    FROM generate_series(1, ?) r, generate_series(1, ?) c""".formatted(schema),
                    tripId,
                    layout.columns(),
                    layout.columns().length(),
                    layout.rows(),
                    layout.columns().length());
        });
        remember(tripId);
    }

    /** Whether the trip exists; a remembered trip costs nothing. */
    public boolean tripExists(UUID tripId) {
        if (knownTrips.contains(tripId)) {
            return true;
        }
        Boolean exists = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM %s.trip WHERE trip_id = ?)".formatted(schema), Boolean.class, tripId);
        if (Boolean.TRUE.equals(exists)) {
            remember(tripId);
            return true;
        }
        return false;
    }

    public void reset() {
        jdbc.execute("TRUNCATE %1$s.booking_seat, %1$s.booking, %1$s.seat, %1$s.trip".formatted(schema));
        knownTrips.clear();
    }

    public boolean isHealthy() {
        Boolean ready =
                jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, schema + ".booking_seat");
        return Boolean.TRUE.equals(ready);
    }

    private void remember(UUID tripId) {
        if (knownTrips.size() >= KNOWN_TRIPS_MAX) {
            knownTrips.clear();
        }
        knownTrips.add(tripId);
    }
}
