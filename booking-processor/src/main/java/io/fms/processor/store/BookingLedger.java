package io.fms.processor.store;

import io.fms.events.BookingJson;
import io.fms.events.BookingStatus;
import io.fms.events.Passenger;
import io.fms.events.RejectionReason;
import io.fms.processor.decision.BatchDecisions;
import io.fms.processor.decision.BatchDecisions.Cancellation;
import io.fms.processor.decision.BookingRecord;
import io.fms.processor.outbox.OutboxRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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

    private static final String SELECT_BOOKINGS = """
            select id, trip_id, status, reason, unavailable_seats, seats, passengers, contact_email, callback_url,
                   requested_at, decided_at, cancelled_at
              from booking.bookings
             where id = any(?)
            """;

    // Each batch's rows go to a table as one COPY stream (CopyRows): the cheapest way into Postgres, for both sides.
    private static final String COPY_BOOKINGS = """
            booking.bookings (id, trip_id, status, reason, unavailable_seats, seats, passengers, contact_email,
                              callback_url, requested_at, decided_at)""";

    private static final String COPY_SEATS = "booking.booking_seats (trip_id, seat, booking_id, released_at)";

    private static final String CANCEL_BOOKING = """
            update booking.bookings set status = 'CANCELLED', cancelled_at = ?
             where id = ? and status = 'CONFIRMED'
            """;

    private static final String RELEASE_SEATS =
            "update booking.booking_seats set released_at = ? where booking_id = ? and released_at is null";

    private static final String COPY_OUTBOX =
            "booking.outbox (event_id, booking_id, kafka_partition, event_type, payload, created_at)";

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
        // One batch may free a seat and sell it again (a cancellation, then a booking of the same seat), and may
        // decide a booking and cancel it: the live-seat index holds at every statement, so seats freed by the batch
        // are released before its new seats are written, and the seats of a booking cancelled in the same batch are
        // written released.
        Map<UUID, Instant> cancelledNow = new HashMap<>();
        decisions.decided().forEach(booking -> cancelledNow.put(booking.bookingId(), null));
        List<Cancellation> ofEarlierBookings = new ArrayList<>();
        List<Cancellation> ofThisBatch = new ArrayList<>();
        for (Cancellation cancellation : decisions.cancelled()) {
            UUID bookingId = cancellation.booking().bookingId();
            if (cancelledNow.containsKey(bookingId)) {
                cancelledNow.put(bookingId, cancellation.booking().cancelledAt());
                ofThisBatch.add(cancellation);
            } else {
                ofEarlierBookings.add(cancellation);
            }
        }
        transaction.executeWithoutResult(status -> {
            insertBookings(decisions.decided());
            cancel(ofEarlierBookings, true);
            insertSeats(decisions.decided(), cancelledNow);
            cancel(ofThisBatch, false);
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
                    .endRow();
        }
        copy(rows, COPY_BOOKINGS);
    }

    /** @param releasedAt per booking, when the same batch cancelled it (else null) */
    private void insertSeats(List<BookingRecord> bookings, Map<UUID, Instant> releasedAt) {
        CopyRows rows = new CopyRows();
        for (BookingRecord booking : bookings) {
            if (booking.status() == BookingStatus.CONFIRMED) {
                for (String seat : booking.seats()) {
                    rows.uuid(booking.tripId())
                            .text(seat)
                            .uuid(booking.bookingId())
                            .instant(releasedAt.get(booking.bookingId()))
                            .endRow();
                }
            }
        }
        copy(rows, COPY_SEATS);
    }

    /** @param releaseSeats false for bookings of this batch, whose seats were written released */
    private void cancel(List<Cancellation> cancellations, boolean releaseSeats) {
        for (Cancellation cancellation : cancellations) {
            BookingRecord booking = cancellation.booking();
            int bookingRows = jdbc.update(CANCEL_BOOKING, statement -> {
                Sql.setInstant(statement, 1, booking.cancelledAt());
                statement.setObject(2, booking.bookingId());
            });
            int seatRows = !releaseSeats
                    ? cancellation.releasedSeats().size()
                    : jdbc.update(RELEASE_SEATS, statement -> {
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

    private void insertOutbox(List<OutboxRow> outbox, Instant createdAt) {
        CopyRows rows = new CopyRows();
        for (OutboxRow row : outbox) {
            rows.uuid(row.eventId())
                    .uuid(row.bookingId())
                    .integer(row.partition())
                    .text(row.eventType())
                    .bytes(row.payload())
                    .instant(createdAt)
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
