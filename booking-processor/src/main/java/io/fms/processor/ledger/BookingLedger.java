package io.fms.processor.ledger;

import io.fms.events.BookingJson;
import io.fms.events.BookingStatus;
import io.fms.events.Passenger;
import io.fms.events.RejectionReason;
import io.fms.processor.decision.BatchDecisions;
import io.fms.processor.decision.BatchDecisions.Cancellation;
import io.fms.processor.decision.BookingRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The processor's record in Postgres: bookings, the seats they hold, the offsets they were decided up to and the
 * events still to publish. A batch's decisions and its offsets commit together or not at all, which is what lets a
 * crash at any point neither lose nor repeat a decision.
 */
@Repository
public class BookingLedger {

    private static final String SELECT_BOOKINGS = """
            select id, trip_id, status, reason, unavailable_seats, seats, passengers, contact_email, callback_url,
                   requested_at, decided_at, cancelled_at
              from booking.bookings
             where id = any(?)
            """;

    private static final String INSERT_BOOKING = """
            insert into booking.bookings (id, trip_id, status, reason, unavailable_seats, seats, passengers,
                                          contact_email, callback_url, requested_at, decided_at)
            values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            """;

    private static final String INSERT_SEAT =
            "insert into booking.booking_seats (trip_id, seat, booking_id) values (?, ?, ?)";

    private static final String CANCEL_BOOKING = """
            update booking.bookings set status = 'CANCELLED', cancelled_at = ?
             where id = ? and status = 'CONFIRMED'
            """;

    private static final String RELEASE_SEATS =
            "update booking.booking_seats set released_at = ? where booking_id = ? and released_at is null";

    private static final String INSERT_OUTBOX = """
            insert into booking.outbox (event_id, booking_id, kafka_partition, event_type, payload, created_at)
            values (?, ?, ?, ?, ?, ?)
            """;

    private static final String SELECT_OFFSET =
            "select next_offset from booking.consumer_offsets where topic = ? and partition = ?";

    private static final String INSERT_OFFSET = """
            insert into booking.consumer_offsets (topic, partition, next_offset) values (?, ?, ?)
            on conflict do nothing
            """;

    private static final String ADVANCE_OFFSET = """
            update booking.consumer_offsets set next_offset = ?
             where topic = ? and partition = ? and next_offset = ?
            """;

    private static final int JDBC_BATCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public BookingLedger(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Where this service's progress on a partition stands: the first offset not yet decided, if any was. */
    public OptionalLong nextOffset(String topic, int partition) {
        List<Long> offsets = jdbc.queryForList(SELECT_OFFSET, Long.class, topic, partition);
        return offsets.isEmpty() ? OptionalLong.empty() : OptionalLong.of(offsets.getFirst());
    }

    /** The bookings among {@code bookingIds} that are already decided. */
    public Map<UUID, BookingRecord> findBookings(Collection<UUID> bookingIds) {
        Map<UUID, BookingRecord> bookings = new HashMap<>();
        if (bookingIds.isEmpty()) {
            return bookings;
        }
        jdbc.query(SELECT_BOOKINGS, statement -> statement.setArray(1, Sql.uuidArray(statement, bookingIds)), row -> {
            String reason = row.getString("reason");
            BookingRecord booking = new BookingRecord(
                    row.getObject("id", UUID.class),
                    row.getObject("trip_id", UUID.class),
                    BookingStatus.valueOf(row.getString("status")),
                    reason == null ? null : RejectionReason.valueOf(reason),
                    Sql.texts(row, "unavailable_seats"),
                    Sql.texts(row, "seats"),
                    List.of(BookingJson.readPlain(
                            row.getString("passengers").getBytes(StandardCharsets.UTF_8), Passenger[].class)),
                    row.getString("contact_email"),
                    row.getString("callback_url"),
                    Sql.instant(row, "requested_at"),
                    Sql.instant(row, "decided_at"),
                    Sql.instant(row, "cancelled_at"));
            bookings.put(booking.bookingId(), booking);
        });
        return bookings;
    }

    /**
     * Writes a batch in one transaction: its new bookings (rejected ones too, so Postgres can answer their status),
     * the seats of the confirmed ones, its cancellations, its events and every partition's new offset. Throws
     * {@link PartitionFencedException}, and writes nothing, when another processor advanced one of the partitions.
     */
    public void commit(
            BatchDecisions decisions, List<OutboxRow> outbox, List<OffsetAdvance> offsets, Instant committedAt) {
        transaction.executeWithoutResult(status -> {
            insertBookings(decisions.decided());
            insertSeats(decisions.decided());
            cancel(decisions.cancelled());
            insertOutbox(outbox, committedAt);
            offsets.forEach(this::advance);
        });
    }

    private void insertBookings(List<BookingRecord> bookings) {
        jdbc.batchUpdate(INSERT_BOOKING, bookings, JDBC_BATCH_SIZE, (statement, booking) -> {
            statement.setObject(1, booking.bookingId());
            statement.setObject(2, booking.tripId());
            statement.setString(3, booking.status().name());
            statement.setString(
                    4, booking.reason() == null ? null : booking.reason().name());
            statement.setArray(5, Sql.textArray(statement, booking.unavailableSeats()));
            statement.setArray(6, Sql.textArray(statement, booking.seats()));
            statement.setString(7, new String(BookingJson.writePlain(booking.passengers()), StandardCharsets.UTF_8));
            statement.setString(8, booking.contactEmail());
            statement.setString(9, booking.callbackUrl());
            Sql.setInstant(statement, 10, booking.requestedAt());
            Sql.setInstant(statement, 11, booking.decidedAt());
        });
    }

    private record HeldSeat(UUID tripId, String seat, UUID bookingId) {}

    private void insertSeats(List<BookingRecord> bookings) {
        List<HeldSeat> seats = new ArrayList<>();
        for (BookingRecord booking : bookings) {
            if (booking.status() == BookingStatus.CONFIRMED) {
                booking.seats().forEach(seat -> seats.add(new HeldSeat(booking.tripId(), seat, booking.bookingId())));
            }
        }
        jdbc.batchUpdate(INSERT_SEAT, seats, JDBC_BATCH_SIZE, (statement, seat) -> {
            statement.setObject(1, seat.tripId());
            statement.setString(2, seat.seat());
            statement.setObject(3, seat.bookingId());
        });
    }

    private void cancel(List<Cancellation> cancellations) {
        for (Cancellation cancellation : cancellations) {
            BookingRecord booking = cancellation.booking();
            int bookingRows = jdbc.update(CANCEL_BOOKING, statement -> {
                Sql.setInstant(statement, 1, booking.cancelledAt());
                statement.setObject(2, booking.bookingId());
            });
            int seatRows = jdbc.update(RELEASE_SEATS, statement -> {
                Sql.setInstant(statement, 1, booking.cancelledAt());
                statement.setObject(2, booking.bookingId());
            });
            // The inventory said the booking held these seats; Postgres must agree, or memory and truth have parted.
            if (bookingRows != 1 || seatRows != cancellation.releasedSeats().size()) {
                throw new IllegalStateException("cancelling " + booking.bookingId() + " changed " + bookingRows
                        + " booking(s) and " + seatRows + " seat(s), expected 1 and "
                        + cancellation.releasedSeats().size());
            }
        }
    }

    private void insertOutbox(List<OutboxRow> rows, Instant createdAt) {
        jdbc.batchUpdate(INSERT_OUTBOX, rows, JDBC_BATCH_SIZE, (statement, row) -> {
            statement.setObject(1, row.eventId());
            statement.setObject(2, row.bookingId());
            statement.setInt(3, row.partition());
            statement.setString(4, row.eventType());
            statement.setBytes(5, row.payload());
            Sql.setInstant(statement, 6, createdAt);
        });
    }

    private void advance(OffsetAdvance offset) {
        int rows = offset.expectedNextOffset() == null
                ? jdbc.update(INSERT_OFFSET, offset.topic(), offset.partition(), offset.nextOffset())
                : jdbc.update(
                        ADVANCE_OFFSET,
                        offset.nextOffset(),
                        offset.topic(),
                        offset.partition(),
                        offset.expectedNextOffset());
        if (rows != 1) {
            throw new PartitionFencedException("partition " + offset.topic() + "-" + offset.partition()
                    + " is no longer at offset " + offset.expectedNextOffset() + ": another processor decided it");
        }
    }
}
