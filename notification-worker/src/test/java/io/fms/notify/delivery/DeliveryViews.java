package io.fms.notify.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads a booking's deliveries and their attempts back from the log, as booking-api shows them to a client. */
public final class DeliveryViews {

    private final JdbcClient client;

    public DeliveryViews(JdbcTemplate jdbc) {
        this.client = JdbcClient.create(jdbc);
    }

    /** Every delivery of a booking with its attempts, oldest first. */
    public List<DeliveryView> findByBooking(UUID bookingId) {
        Map<Long, DeliveryView> byId = new LinkedHashMap<>();
        client.sql("select d.*, e.event_type, e.sequence from notify.deliveries d join notify.events e using (event_id)"
                        + " where d.booking_id = :bookingId order by e.sequence, d.channel")
                .param("bookingId", bookingId)
                .query(DeliveryViews::deliveryView)
                .list()
                .forEach(view -> byId.put(view.id(), view));
        if (byId.isEmpty()) {
            return List.of();
        }
        Map<Long, List<DeliveryView.Attempt>> attempts = new LinkedHashMap<>();
        client.sql("select * from notify.attempts where delivery_id in (:ids) order by delivery_id, attempt")
                .param("ids", List.copyOf(byId.keySet()))
                .query((rs, n) -> {
                    attempts.computeIfAbsent(rs.getLong("delivery_id"), id -> new ArrayList<>())
                            .add(attempt(rs));
                    return null;
                })
                .list();
        return byId.values().stream()
                .map(v -> new DeliveryView(
                        v.id(),
                        v.eventId(),
                        v.bookingId(),
                        v.eventType(),
                        v.sequence(),
                        v.channel(),
                        v.destination(),
                        v.status(),
                        v.attemptCount(),
                        v.nextAttemptAt(),
                        v.lastError(),
                        v.createdAt(),
                        v.firstAttemptAt(),
                        v.completedAt(),
                        v.deadLetteredAt(),
                        attempts.getOrDefault(v.id(), List.of())))
                .toList();
    }

    private static DeliveryView deliveryView(ResultSet rs, int row) throws SQLException {
        return new DeliveryView(
                rs.getLong("id"),
                rs.getObject("event_id", UUID.class),
                rs.getObject("booking_id", UUID.class),
                rs.getString("event_type"),
                rs.getLong("sequence"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("destination"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempt_count"),
                DeliveryLog.instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                DeliveryLog.instant(rs, "created_at"),
                DeliveryLog.instant(rs, "first_attempt_at"),
                DeliveryLog.instant(rs, "completed_at"),
                DeliveryLog.instant(rs, "dead_lettered_at"),
                List.of());
    }

    private static DeliveryView.Attempt attempt(ResultSet rs) throws SQLException {
        return new DeliveryView.Attempt(
                rs.getInt("attempt"),
                DeliveryLog.instant(rs, "attempted_at"),
                AttemptOutcome.valueOf(rs.getString("outcome")),
                rs.getObject("status_code", Integer.class),
                rs.getLong("latency_ms"),
                rs.getString("error"));
    }
}
