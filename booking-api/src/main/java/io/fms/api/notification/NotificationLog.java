package io.fms.api.notification;

import io.fms.api.ApiProperties;
import io.fms.api.ProcessorTables;
import io.fms.api.notification.BookingNotifications.Attempt;
import io.fms.api.notification.BookingNotifications.Notification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the worker's delivery log ({@code notify} schema, see its {@code DeliveryLog.findByBooking}). The schema is
 * the worker's; until it has run once there is none, and no notification either.
 */
@Repository
class NotificationLog {

    private static final String DELIVERIES = """
            select d.id, d.event_id, e.event_type, e.sequence, d.channel, d.destination, d.status, d.attempt_count,
                   d.next_attempt_at, d.last_error, d.created_at, d.first_attempt_at, d.completed_at
            from notify.deliveries d join notify.events e using (event_id)
            where d.booking_id = :bookingId
            order by e.sequence, d.channel, d.id
            limit :deliveriesMax""";

    // LATERAL with LIMIT walks attempts_by_delivery backwards and stops at the cap, however many attempts there are.
    private static final String LATEST_ATTEMPTS = """
            select a.delivery_id, a.attempt, a.attempted_at, a.outcome, a.status_code, a.latency_ms, a.error
            from notify.deliveries d cross join lateral (
                select * from notify.attempts where delivery_id = d.id order by attempt desc limit :attemptsMax) a
            where d.id in (:deliveryIds)
            order by a.delivery_id, a.attempt desc""";

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final int deliveriesMax;
    private final int attemptsMax;

    NotificationLog(JdbcClient jdbc, PlatformTransactionManager transactions, ApiProperties properties) {
        this.jdbc = jdbc;
        // One snapshot for both queries: the worker records an attempt and its delivery's new state in one
        // transaction, and a reader must not see the attempt without the state (or the other way round).
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.deliveriesMax = properties.listSizeMax();
        this.attemptsMax = properties.notificationAttemptsMax();
    }

    /** The booking's deliveries by event sequence then channel, each with its latest attempts, newest first. */
    List<Notification> findByBooking(UUID bookingId) {
        try {
            return snapshot.execute(tx -> read(bookingId));
        } catch (DataAccessException e) {
            if (ProcessorTables.isMissing(e)) {
                return List.of();
            }
            throw e;
        }
    }

    private List<Notification> read(UUID bookingId) {
        Map<Long, Notification> deliveries = new LinkedHashMap<>();
        jdbc.sql(DELIVERIES)
                .param("bookingId", bookingId)
                .param("deliveriesMax", deliveriesMax)
                .query((rs, row) -> deliveries.put(rs.getLong("id"), notification(rs)))
                .list();
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Attempt>> attempts = new HashMap<>();
        jdbc.sql(LATEST_ATTEMPTS)
                .param("attemptsMax", attemptsMax)
                .param("deliveryIds", List.copyOf(deliveries.keySet()))
                .query((rs, row) -> attempts.computeIfAbsent(rs.getLong("delivery_id"), id -> new ArrayList<>())
                        .add(attempt(rs)))
                .list();
        List<Notification> notifications = new ArrayList<>(deliveries.size());
        deliveries.forEach((id, n) -> notifications.add(withAttempts(n, attempts.getOrDefault(id, List.of()))));
        return notifications;
    }

    private static Notification notification(ResultSet rs) throws SQLException {
        return new Notification(
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getLong("sequence"),
                rs.getString("channel"),
                rs.getString("destination"),
                rs.getString("status"),
                rs.getInt("attempt_count"),
                instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                instant(rs, "first_attempt_at"),
                instant(rs, "completed_at"),
                List.of());
    }

    private static Notification withAttempts(Notification n, List<Attempt> attempts) {
        return new Notification(
                n.eventId(),
                n.eventType(),
                n.sequence(),
                n.channel(),
                n.destination(),
                n.status(),
                n.attemptCount(),
                n.nextAttemptAt(),
                n.lastError(),
                n.createdAt(),
                n.firstAttemptAt(),
                n.completedAt(),
                attempts);
    }

    private static Attempt attempt(ResultSet rs) throws SQLException {
        return new Attempt(
                rs.getInt("attempt"),
                instant(rs, "attempted_at"),
                rs.getString("outcome"),
                rs.getObject("status_code", Integer.class),
                rs.getLong("latency_ms"),
                rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
