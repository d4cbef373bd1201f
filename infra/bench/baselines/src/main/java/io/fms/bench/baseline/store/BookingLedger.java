package io.fms.bench.baseline.store;

import io.fms.bench.baseline.booking.BookingAnswer;
import io.fms.bench.baseline.booking.BookingAnswer.Status;
import io.fms.bench.baseline.booking.BookingConflictException;
import io.fms.bench.baseline.booking.SeatLabels;
import io.fms.bench.baseline.booking.ValidBooking;
import io.fms.bench.baseline.web.NotFoundException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
    private final String findById;
    private final String cancel;
    private final String pay;
    private final String expireOne;
    private final String expireLapsed;

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
                    INSERT INTO %1$s.booking (booking_id, trip_id, status, reason, idempotency_key, created_at, decided_at,
                                              hold_expires_at)
                    SELECT ?::uuid, ?::uuid, CASE WHEN ?::int > 0 THEN 'HELD' ELSE 'CONFIRMED' END, NULL, ?::text,
                           ?::timestamptz, clock_timestamp(), clock_timestamp() + make_interval(secs => NULLIF(?::int, 0))
                    WHERE (SELECT count(*) FROM taken) = ?::int
                    ON CONFLICT (idempotency_key) DO NOTHING
                    RETURNING booking_id, hold_expires_at),
                linked AS (
                    INSERT INTO %1$s.booking_seat (booking_id, trip_id, seat_label)
                    SELECT booked.booking_id, ?::uuid, taken.seat_label FROM booked, taken)
                SELECT (SELECT count(*) FROM taken) AS seats_taken, (SELECT count(*) FROM booked) AS booked,
                       (SELECT hold_expires_at FROM booked) AS hold_expires_at""".formatted(schema);
        this.reject = """
                INSERT INTO %s.booking (booking_id, trip_id, status, reason, idempotency_key, created_at, decided_at)
                VALUES (?, ?, 'REJECTED', ?, ?::text, ?, clock_timestamp())
                ON CONFLICT (idempotency_key) DO NOTHING""".formatted(schema);
        String stored = """
                b.booking_id, b.trip_id, b.status, b.reason, b.hold_expires_at, b.payment_reference,
                ARRAY(SELECT s.seat_label FROM %1$s.booking_seat s WHERE s.booking_id = b.booking_id) AS seats
                FROM %1$s.booking b""".formatted(schema);
        this.findByKey = "SELECT " + stored + " WHERE b.idempotency_key = ?";
        this.findById = "SELECT " + stored + " WHERE b.booking_id = ?";
        // The guarded payment, one statement: only a hold whose deadline has not passed becomes CONFIRMED. The
        // sweeper's UPDATE takes the same row lock with the opposite guard, so exactly one of them wins a hold
        // paid at its deadline. The final SELECT sees the booking as it was before the statement.
        this.pay = """
                WITH paid AS (
                    UPDATE %1$s.booking SET status = 'CONFIRMED', payment_reference = ?
                    WHERE booking_id = ? AND status = 'HELD' AND hold_expires_at >= clock_timestamp()
                    RETURNING booking_id)
                SELECT (SELECT count(*) FROM paid) AS paid, """.formatted(schema) + stored + " WHERE b.booking_id = ?";
        // A lapsed hold becomes EXPIRED and gives its seats back, in one statement (as a cancellation does); "freed"
        // runs though nothing reads it, as every data-modifying WITH does.
        String expire = """
                WITH lapsed AS (
                    SELECT booking_id FROM %1$s.booking WHERE status = 'HELD' AND %2$s FOR UPDATE SKIP LOCKED),
                expired AS (
                    UPDATE %1$s.booking b SET status = 'EXPIRED' FROM lapsed l
                    WHERE b.booking_id = l.booking_id RETURNING b.booking_id),
                """ + freedBy("expired") + """
                SELECT count(*) FROM expired""";
        this.expireOne =
                expire.formatted(schema, "booking_id = ? AND (?::boolean OR hold_expires_at < clock_timestamp())");
        this.expireLapsed =
                expire.formatted(schema, "hold_expires_at < clock_timestamp() ORDER BY hold_expires_at LIMIT ?");
        // One statement, one round trip, for both designs: the booking becomes CANCELLED and the seats it holds are
        // freed. The final SELECT sees the rows as they were before the statement.
        this.cancel = ("""
                WITH cancelled AS (
                    UPDATE %1$s.booking SET status = 'CANCELLED'
                    WHERE booking_id = ? AND status = 'CONFIRMED'
                    RETURNING booking_id),
                """ + freedBy("cancelled") + """
                SELECT (SELECT count(*) FROM freed) AS freed,
                       (SELECT status FROM %1$s.booking WHERE booking_id = ?) AS status_before""").formatted(schema);
    }

    /**
     * The CTE {@code freed} that gives back the seats of the bookings in CTE {@code ended} (cancelled or expired):
     * only seats such a booking still holds, so no lock is needed beyond the row locks the UPDATE takes.
     */
    private static String freedBy(String ended) {
        return """
                freed AS (
                    UPDATE %1$s.seat s SET booking_id = NULL
                    FROM %1$s.booking_seat bs, ENDED e
                    WHERE bs.booking_id = e.booking_id AND s.trip_id = bs.trip_id AND s.seat_label = bs.seat_label
                      AND s.booking_id = e.booking_id
                    RETURNING s.seat_label)""".replace("ENDED", ended);
    }

    /** Cancels a confirmed booking in one statement (autocommit): see {@link io.fms.bench.baseline.Baseline#cancel}. */
    public BookingAnswer cancel(UUID bookingId) {
        String before = jdbc.queryForObject(cancel, (rs, row) -> rs.getString(2), bookingId, bookingId);
        if (before == null) {
            throw new NotFoundException("Booking " + bookingId + " does not exist");
        }
        if (!Status.CONFIRMED.name().equals(before) && !Status.CANCELLED.name().equals(before)) {
            throw new BookingConflictException(
                    "Booking " + bookingId + " is " + before + ": only a confirmed booking can be cancelled");
        }
        return BookingAnswer.cancelled(bookingId);
    }

    /** A booking row as stored, with its seats in seat order. */
    public record Stored(
            UUID bookingId,
            UUID tripId,
            Status status,
            String reason,
            Instant holdExpiresAt,
            String paymentReference,
            List<String> seats) {

        /** The answer a client gets for this booking as it stands. */
        public BookingAnswer answer() {
            return switch (status) {
                case CONFIRMED ->
                    paymentReference == null
                            ? BookingAnswer.confirmed(bookingId, seats)
                            : BookingAnswer.paid(bookingId, seats, paymentReference);
                case HELD -> BookingAnswer.held(bookingId, seats, holdExpiresAt);
                case EXPIRED -> BookingAnswer.expired(bookingId);
                case CANCELLED -> BookingAnswer.cancelled(bookingId);
                case REJECTED -> BookingAnswer.rejected(bookingId, reason);
            };
        }
    }

    /** The booking, or a 404. */
    public Stored find(UUID bookingId) {
        List<Stored> found = jdbc.query(findById, (rs, row) -> stored(rs, 1), bookingId);
        if (found.isEmpty()) {
            throw new NotFoundException("Booking " + bookingId + " does not exist");
        }
        return found.getFirst();
    }

    /**
     * Pays a held booking with the guarded update (autocommit: one statement, one transaction) and answers the
     * outcome: confirmed, expired (a lapsed hold the sweeper had not reached yet is expired now), the same answer
     * for a repeated payment, else a 409.
     */
    public BookingAnswer pay(UUID bookingId, String paymentReference) {
        List<Stored> paid = jdbc.query(
                pay, (rs, row) -> rs.getLong(1) == 1 ? null : stored(rs, 2), paymentReference, bookingId, bookingId);
        if (paid.isEmpty()) {
            throw new NotFoundException("Booking " + bookingId + " does not exist");
        }
        Stored before = paid.getFirst();
        if (before == null) {
            return find(bookingId).answer();
        }
        if (before.status() == Status.HELD) {
            // Too late (or another payment won the row first): lapse it now rather than wait for the sweeper.
            expire(bookingId, false);
            before = find(bookingId);
        }
        return settled(before, paymentReference);
    }

    /**
     * What a payment of a booking that is no longer held answers: the same for a repeated payment, EXPIRED for a
     * lapsed hold, else a 409.
     */
    public BookingAnswer settled(Stored booking, String paymentReference) {
        if (booking.status() == Status.HELD && booking.holdExpiresAt().isBefore(Instant.now())) {
            // Lapsed, and being expired by the sweeper at this very moment.
            return BookingAnswer.expired(booking.bookingId());
        }
        if (booking.status() == Status.EXPIRED
                || (booking.status() == Status.CONFIRMED && paymentReference.equals(booking.paymentReference()))) {
            return booking.answer();
        }
        throw new BookingConflictException("Booking " + booking.bookingId() + " is " + booking.status()
                + (booking.paymentReference() == null ? "" : " (paid with another reference)")
                + ": only a held booking can be paid");
    }

    /**
     * Expires one hold and frees its seats, if it is still held and lapsed; {@code evenBeforeDeadline} for a design
     * whose own record of the hold (redislock's seat keys) lapsed first.
     */
    public boolean expire(UUID bookingId, boolean evenBeforeDeadline) {
        Long expired = jdbc.queryForObject(expireOne, Long.class, bookingId, evenBeforeDeadline);
        return expired != null && expired == 1;
    }

    /** Expires up to {@code max} lapsed holds, earliest deadline first; answers how many. */
    public int expireLapsed(int max) {
        Long expired = jdbc.queryForObject(expireLapsed, Long.class, max);
        return expired == null ? 0 : expired.intValue();
    }

    /** What {@link #confirm} did; the caller's transaction must roll back unless {@link #complete}. */
    public record Confirmation(long seatsTaken, long booked, int seatsWanted, Instant holdExpiresAt) {

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
                (rs, row) -> new Confirmation(rs.getLong(1), rs.getLong(2), labels.length, instant(rs, 3)),
                bookingId,
                booking.tripId(),
                labels,
                bookingId,
                booking.tripId(),
                booking.holdSeconds(),
                booking.idempotencyKey(),
                receivedAt(booking),
                booking.holdSeconds(),
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
        return jdbc.queryForObject(findByKey, (rs, row) -> stored(rs, 1), idempotencyKey)
                .answer();
    }

    private static Stored stored(ResultSet rs, int from) throws SQLException {
        return new Stored(
                rs.getObject(from, UUID.class),
                rs.getObject(from + 1, UUID.class),
                Status.valueOf(rs.getString(from + 2)),
                rs.getString(from + 3),
                instant(rs, from + 4),
                rs.getString(from + 5),
                labels(rs.getArray(from + 6)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static List<String> labels(Array array) throws SQLException {
        return SeatLabels.sorted(Arrays.asList((String[]) array.getArray()));
    }

    private static OffsetDateTime receivedAt(ValidBooking booking) {
        return booking.receivedAt().atOffset(ZoneOffset.UTC);
    }
}
