package io.fms.processor.store;

import io.fms.events.BookingJson;
import io.fms.processor.decision.BatchDecisions;
import io.fms.processor.decision.BatchDecisions.Change;
import io.fms.processor.decision.BookingRecord;
import io.fms.processor.outbox.OutboxRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
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

    private static final String SELECT_BOOKINGS =
            "select " + BookingRows.COLUMNS + " from booking.bookings where id = any(?)";

    // Each batch's rows go to a table as one COPY stream (CopyRows): the cheapest way into Postgres, for both sides.
    private static final String COPY_BOOKINGS = "booking.bookings (" + BookingRows.COLUMNS + ")";

    private static final String COPY_SEATS = "booking.booking_seats (trip_id, seat, booking_id)";

    // A change is written only over the state it was decided from: anything else means memory and Postgres parted.
    private static final String UPDATE_BOOKING = """
            update booking.bookings
               set status = ?, reason = ?, seats = ?, decided_at = ?, cancelled_at = ?, hold_expires_at = ?,
                   payment_reference = ?, late_payment_reference = ?, late_confirmation_at = ?,
                   waitlist_pass_overs = ?, event_sequence = ?
             where id = ? and status = ? and event_sequence = ?
            """;

    private static final String RELEASE_SEATS =
            "update booking.booking_seats set released_at = ? where booking_id = ? and released_at is null";

    private static final String COPY_OUTBOX =
            "booking.outbox (event_id, booking_id, kafka_partition, event_type, payload, created_at, traceparent)";

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
            BookingRecord booking = BookingRows.read(row);
            bookings.put(booking.bookingId(), booking);
        });
        return bookings;
    }

    /**
     * Writes a batch in one transaction: its new bookings (rejected ones too, so Postgres can answer their status),
     * the changes to earlier ones, the seats that became live or were released, its events and every partition's new
     * offset. Throws {@link PartitionFencedException}, and writes nothing, when another processor advanced one of the
     * partitions.
     */
    public void commit(
            BatchDecisions decisions, List<OutboxRow> outbox, List<OffsetAdvance> offsets, Instant committedAt) {
        transaction.executeWithoutResult(status -> {
            insertBookings(decisions.decided());
            update(decisions.changed());
            // Released first: a seat freed in this batch may be taken again in it (a waiting party seated).
            releaseSeats(decisions.changed());
            insertSeats(decisions);
            insertOutbox(outbox, committedAt);
            offsets.forEach(this::advance);
        });
    }

    private void insertBookings(List<BookingRecord> bookings) {
        CopyRows rows = new CopyRows();
        for (BookingRecord booking : bookings) {
            rows.uuid(booking.bookingId())
                    .uuid(booking.tripId())
                    .text(booking.status().name())
                    .text(booking.reason() == null ? null : booking.reason().name())
                    .textArray(booking.unavailableSeats())
                    .textArray(booking.seats())
                    .text(new String(BookingJson.writePlain(booking.passengers()), StandardCharsets.UTF_8))
                    .text(booking.contactEmail())
                    .text(booking.callbackUrl())
                    .instant(booking.requestedAt())
                    .instant(booking.decidedAt())
                    .instant(booking.cancelledAt())
                    .integer(
                            booking.holdSeconds() == null
                                    ? null
                                    : booking.holdSeconds().longValue())
                    .bool(booking.waitlist())
                    .instant(booking.holdExpiresAt())
                    .text(booking.paymentReference())
                    .text(
                            booking.lateConfirmation() == null
                                    ? null
                                    : booking.lateConfirmation().paymentReference())
                    .instant(
                            booking.lateConfirmation() == null
                                    ? null
                                    : booking.lateConfirmation().at())
                    .integer(booking.waitlistOrder())
                    .integer(booking.waitlistPassOvers())
                    .integer(booking.eventSequence())
                    .endRow();
        }
        copy(rows, COPY_BOOKINGS);
    }

    private void update(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        int[][] counts = jdbc.batchUpdate(UPDATE_BOOKING, changes, changes.size(), (statement, change) -> {
            BookingRecord after = change.after();
            BookingRecord before = change.before();
            statement.setString(1, after.status().name());
            statement.setString(
                    2, after.reason() == null ? null : after.reason().name());
            statement.setArray(
                    3,
                    statement
                            .getConnection()
                            .createArrayOf("text", after.seats().toArray()));
            Sql.setInstant(statement, 4, after.decidedAt());
            Sql.setInstant(statement, 5, after.cancelledAt());
            Sql.setInstant(statement, 6, after.holdExpiresAt());
            statement.setString(7, after.paymentReference());
            statement.setString(
                    8,
                    after.lateConfirmation() == null
                            ? null
                            : after.lateConfirmation().paymentReference());
            Sql.setInstant(
                    statement,
                    9,
                    after.lateConfirmation() == null
                            ? null
                            : after.lateConfirmation().at());
            statement.setInt(10, after.waitlistPassOvers());
            statement.setInt(11, after.eventSequence());
            statement.setObject(12, after.bookingId());
            statement.setString(13, before.status().name());
            statement.setInt(14, before.eventSequence());
        });
        int i = 0;
        for (int[] chunk : counts) {
            for (int rows : chunk) {
                Change change = changes.get(i++);
                if (rows != 1) {
                    throw new IllegalStateException("booking " + change.after().bookingId() + " is no longer "
                            + change.before().status() + " in Postgres: memory and truth have parted");
                }
            }
        }
    }

    /** Seats of bookings that now hold them and did not before: new live bookings, and waiting parties seated. */
    private void insertSeats(BatchDecisions decisions) {
        CopyRows rows = new CopyRows();
        for (BookingRecord booking : decisions.decided()) {
            if (booking.status().holdsSeats()) {
                seatRows(rows, booking);
            }
        }
        for (Change change : decisions.changed()) {
            if (change.after().status().holdsSeats()
                    && !change.before().status().holdsSeats()) {
                seatRows(rows, change.after());
            }
        }
        copy(rows, COPY_SEATS);
    }

    private static void seatRows(CopyRows rows, BookingRecord booking) {
        for (String seat : booking.seats()) {
            rows.uuid(booking.tripId()).text(seat).uuid(booking.bookingId()).endRow();
        }
    }

    private void releaseSeats(List<Change> changes) {
        for (Change change : changes) {
            if (!change.before().status().holdsSeats()
                    || change.after().status().holdsSeats()) {
                continue;
            }
            BookingRecord booking = change.after();
            Instant releasedAt = booking.cancelledAt() != null ? booking.cancelledAt() : booking.decidedAt();
            int seatRows = jdbc.update(RELEASE_SEATS, statement -> {
                Sql.setInstant(statement, 1, releasedAt);
                statement.setObject(2, booking.bookingId());
            });
            // The inventory said the booking held these seats; Postgres must agree, or memory and truth have parted.
            if (seatRows != change.before().seats().size()) {
                throw new IllegalStateException("releasing " + booking.bookingId() + " freed " + seatRows
                        + " seat(s), expected " + change.before().seats().size());
            }
        }
    }

    private void insertOutbox(List<OutboxRow> outbox, Instant createdAt) {
        CopyRows rows = new CopyRows();
        for (OutboxRow row : outbox) {
            rows.uuid(row.eventId())
                    .uuid(row.bookingId())
                    .integer(row.partition())
                    .text(row.eventType())
                    .bytes(row.payload())
                    .instant(createdAt)
                    .text(row.traceparent())
                    .endRow();
        }
        copy(rows, COPY_OUTBOX);
    }

    private void copy(CopyRows rows, String tableAndColumns) {
        if (!rows.isEmpty()) {
            jdbc.execute((ConnectionCallback<Long>) connection -> rows.copyInto(connection, tableAndColumns));
        }
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
