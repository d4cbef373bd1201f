package io.fms.api.booking;

import io.fms.api.ProcessorTables;
import io.fms.events.BookingJson;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.Passenger;
import io.fms.events.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Decided bookings in the processor's {@code booking.bookings}, for when Redis has no entry (expired after 7 days,
 * or Redis was emptied). The table is the processor's; until it has run once there is none, and no booking either.
 */
@Repository
class BookingRecords {

    private final JdbcClient jdbc;

    BookingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BookingView> find(UUID bookingId) {
        return untilTheProcessorHasRun(() -> jdbc.sql(
                        "select id, trip_id, status, reason, unavailable_seats, seats, passengers, contact_email,"
                                + " callback_url, requested_at, decided_at, cancelled_at, hold_expires_at,"
                                + " payment_reference, late_payment_reference, late_confirmation_at"
                                + " from booking.bookings where id = ?")
                .param(bookingId)
                .query(BookingRecords::map)
                .optional());
    }

    /**
     * A waiting party's place (1 = next) counted from the processor's rows: one more than the parties of its trip
     * waiting with an earlier request. Empty when the booking is not waiting there.
     */
    Optional<Integer> waitlistPlace(UUID bookingId) {
        return untilTheProcessorHasRun(
                () -> jdbc.sql("select 1 + (select count(*) from booking.bookings ahead where ahead.trip_id = b.trip_id"
                                + " and ahead.status = 'WAITLISTED' and ahead.waitlist_order < b.waitlist_order)"
                                + " from booking.bookings b where b.id = ? and b.status = 'WAITLISTED'"
                                + " and b.waitlist_order is not null")
                        .param(bookingId)
                        .query(Integer.class)
                        .optional());
    }

    /** The query's answer, or empty while the processor's table does not exist yet. */
    private static <T> Optional<T> untilTheProcessorHasRun(Supplier<Optional<T>> query) {
        try {
            return query.get();
        } catch (DataAccessException e) {
            if (ProcessorTables.isMissing(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static BookingView map(ResultSet rs, int row) throws SQLException {
        BookingStatus status = BookingStatus.valueOf(rs.getString("status"));
        String reason = rs.getString("reason");
        Instant cancelledAt = instant(rs, "cancelled_at");
        String latePayment = rs.getString("late_payment_reference");
        // Queue and waitlist places are filled in when answered; the command offset is intake's alone.
        return BookingView.builder(rs.getObject("id", UUID.class), rs.getObject("trip_id", UUID.class), status)
                .request(
                        List.of(BookingJson.readPlain(
                                rs.getString("passengers").getBytes(StandardCharsets.UTF_8), Passenger[].class)),
                        rs.getString("contact_email"),
                        rs.getString("callback_url"),
                        instant(rs, "requested_at"))
                .decision(
                        strings(rs.getArray("seats")),
                        reason == null ? null : RejectionReason.valueOf(reason),
                        strings(rs.getArray("unavailable_seats")),
                        // A cancelled booking was last decided when it was cancelled.
                        status == BookingStatus.CANCELLED && cancelledAt != null
                                ? cancelledAt
                                : instant(rs, "decided_at"))
                .payment(
                        instant(rs, "hold_expires_at"),
                        rs.getString("payment_reference"),
                        latePayment == null
                                ? null
                                : new BookingView.LateConfirmation(latePayment, instant(rs, "late_confirmation_at")))
                .build();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
