package io.fms.processor.store;

import io.fms.events.BookingJson;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.Passenger;
import io.fms.events.RejectionReason;
import io.fms.processor.decision.BookingRecord;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** How a row of {@code booking.bookings} reads as a {@link BookingRecord}: one mapping for every query of it. */
final class BookingRows {

    static final String COLUMNS = """
            id, trip_id, status, reason, unavailable_seats, seats, passengers, contact_email, callback_url,
            requested_at, decided_at, cancelled_at, hold_seconds, waitlist, hold_expires_at, payment_reference,
            late_payment_reference, late_confirmation_at, waitlist_order, waitlist_pass_overs, event_sequence""";

    private BookingRows() {}

    static BookingRecord read(ResultSet row) throws SQLException {
        String reason = row.getString("reason");
        Object holdSeconds = row.getObject("hold_seconds");
        Object waitlistOrder = row.getObject("waitlist_order");
        String lateReference = row.getString("late_payment_reference");
        Instant lateAt = Sql.instant(row, "late_confirmation_at");
        return new BookingRecord(
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
                Sql.instant(row, "cancelled_at"),
                holdSeconds == null ? null : ((Number) holdSeconds).intValue(),
                row.getBoolean("waitlist"),
                Sql.instant(row, "hold_expires_at"),
                row.getString("payment_reference"),
                lateReference == null ? null : new BookingView.LateConfirmation(lateReference, lateAt),
                waitlistOrder == null ? null : ((Number) waitlistOrder).longValue(),
                row.getInt("waitlist_pass_overs"),
                row.getInt("event_sequence"));
    }
}
