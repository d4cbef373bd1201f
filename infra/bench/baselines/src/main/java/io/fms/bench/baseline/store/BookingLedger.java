package io.fms.bench.baseline.store;

import io.fms.bench.baseline.booking.BookingAnswer;
import io.fms.bench.baseline.booking.NotCancellableException;
import io.fms.bench.baseline.booking.SeatLabels;
import io.fms.bench.baseline.booking.ValidBooking;
import io.fms.bench.baseline.web.NotFoundException;
import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The booking writes both designs share. Every decision ends in exactly one {@code booking} row; the idempotency
 * key's unique constraint decides which of two requests with the same key wins, and the loser answers with the
 * winner's decision.
 */
public class BookingLedger {

    private final JdbcTemplate jdbc;
    private final String confirm;
    private final String reject;
    private final String findByKey;
    private final String cancel;

    public BookingLedger(JdbcTemplate jdbc, String schema) {
        this.jdbc = jdbc;
        // One statement, one round trip: marks the seats that are still free, inserts the booking only if every
        // seat was marked (and its key is new), and links the seats to it. The caller commits only if both
        // counts are what it expects, and rolls back otherwise; "booking_id IS NULL" is what makes a stale lock
        // (or a stale candidate seat) harmless.
        this.confirm = """
                WITH taken AS (
                    UPDATE %1$s.seat SET booking_id = ?
                    WHERE trip_id = ? AND seat_label = ANY (?::text[]) AND booking_id IS NULL
                    RETURNING seat_label),
                booked AS (
                    INSERT INTO %1$s.booking (booking_id, trip_id, status, reason, idempotency_key, created_at, decided_at)
                    SELECT ?::uuid, ?::uuid, 'CONFIRMED', NULL, ?::text, ?::timestamptz, clock_timestamp()
                    WHERE (SELECT count(*) FROM taken) = ?::int
                    ON CONFLICT (idempotency_key) DO NOTHING
                    RETURNING booking_id),
                linked AS (
                    INSERT INTO %1$s.booking_seat (booking_id, trip_id, seat_label)
                    SELECT booked.booking_id, ?::uuid, taken.seat_label FROM booked, taken)
                SELECT (SELECT count(*) FROM taken) AS seats_taken, (SELECT count(*) FROM booked) AS booked""".formatted(schema);
        this.reject = """
                INSERT INTO %s.booking (booking_id, trip_id, status, reason, idempotency_key, created_at, decided_at)
                VALUES (?, ?, 'REJECTED', ?, ?::text, ?, clock_timestamp())
                ON CONFLICT (idempotency_key) DO NOTHING""".formatted(schema);
        this.findByKey = """
                SELECT b.booking_id, b.status, b.reason,
                       ARRAY(SELECT s.seat_label FROM %1$s.booking_seat s WHERE s.booking_id = b.booking_id) AS seats
                FROM %1$s.booking b WHERE b.idempotency_key = ?""".formatted(schema);
        // One statement, one round trip, for both designs: the booking becomes CANCELLED and the seats it holds are
        // freed. "s.booking_id = c.booking_id" frees only seats this booking still holds, so no lock is needed
        // beyond the row locks the UPDATE takes. The final SELECT sees the rows as they were before the statement.
        this.cancel = """
                WITH cancelled AS (
                    UPDATE %1$s.booking SET status = 'CANCELLED'
                    WHERE booking_id = ? AND status = 'CONFIRMED'
                    RETURNING booking_id),
                freed AS (
                    UPDATE %1$s.seat s SET booking_id = NULL
                    FROM %1$s.booking_seat bs, cancelled c
                    WHERE bs.booking_id = c.booking_id AND s.trip_id = bs.trip_id AND s.seat_label = bs.seat_label
                      AND s.booking_id = c.booking_id
                    RETURNING s.seat_label)
                SELECT (SELECT count(*) FROM freed) AS freed,
                       (SELECT status FROM %1$s.booking WHERE booking_id = ?) AS status_before""".formatted(schema);
    }

    /** Cancels a confirmed booking in one statement (autocommit): see {@link io.fms.bench.baseline.Baseline#cancel}. */
    public BookingAnswer cancel(UUID bookingId) {
        String before = jdbc.queryForObject(cancel, (rs, row) -> rs.getString(2), bookingId, bookingId);
        if (before == null) {
            throw new NotFoundException("Booking " + bookingId + " does not exist");
        }
        if (BookingAnswer.REJECTED.equals(before)) {
            throw new NotCancellableException("Booking " + bookingId + " was rejected: there is nothing to cancel");
        }
        return BookingAnswer.cancelled(bookingId);
    }

    /** What {@link #confirm} did; the caller's transaction must roll back unless {@link #complete}. */
    public record Confirmation(long seatsTaken, long booked, int seatsWanted) {

        public boolean complete() {
            return seatsTaken == seatsWanted && booked == 1;
        }

        /** The seats were all free but the idempotency key was taken: answer that booking's decision instead. */
        public boolean keyTaken() {
            return seatsTaken == seatsWanted && booked == 0;
        }
    }

    /** Must run inside the caller's transaction. */
    public Confirmation confirm(UUID bookingId, ValidBooking booking, List<String> seats) {
        String[] labels = seats.toArray(String[]::new);
        return jdbc.queryForObject(
                confirm,
                (rs, row) -> new Confirmation(rs.getLong(1), rs.getLong(2), labels.length),
                bookingId,
                booking.tripId(),
                labels,
                bookingId,
                booking.tripId(),
                booking.idempotencyKey(),
                receivedAt(booking),
                labels.length,
                booking.tripId());
    }

    /** Records a rejection (in its own transaction) and answers it, or the earlier decision under the same key. */
    public BookingAnswer reject(UUID bookingId, ValidBooking booking, String reason) {
        int inserted =
                jdbc.update(reject, bookingId, booking.tripId(), reason, booking.idempotencyKey(), receivedAt(booking));
        return inserted == 1 ? BookingAnswer.rejected(bookingId, reason) : earlierDecision(booking.idempotencyKey());
    }

    /** The decision recorded under this key, which exists: the caller just lost the key's unique constraint to it. */
    public BookingAnswer earlierDecision(String idempotencyKey) {
        return jdbc.queryForObject(
                findByKey,
                (rs, row) -> {
                    UUID bookingId = rs.getObject(1, UUID.class);
                    return BookingAnswer.CONFIRMED.equals(rs.getString(2))
                            ? BookingAnswer.confirmed(bookingId, labels(rs.getArray(4)))
                            : BookingAnswer.rejected(bookingId, rs.getString(3));
                },
                idempotencyKey);
    }

    private static List<String> labels(Array array) throws SQLException {
        return SeatLabels.sorted(Arrays.asList((String[]) array.getArray()));
    }

    private static OffsetDateTime receivedAt(ValidBooking booking) {
        return booking.receivedAt().atOffset(ZoneOffset.UTC);
    }
}
