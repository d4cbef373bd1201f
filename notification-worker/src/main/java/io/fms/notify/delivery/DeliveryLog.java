package io.fms.notify.delivery;

import io.fms.events.BookingJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code notify} schema: maps rows to records and back, nothing more. Times come from the worker's clock, so
 * that "due" means the same thing when a row is written and when it is claimed.
 */
@Repository
public class DeliveryLog {

    private static final String INSERT_EVENT = """
            insert into notify.events (event_id, booking_id, sequence, event_type, payload, kafka_partition, kafka_offset,
                                received_at, traceparent)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (event_id) do nothing
            """;

    private static final String INSERT_DELIVERY = """
            insert into notify.deliveries (event_id, booking_id, channel, destination, status, next_attempt_at, last_error,
                                    created_at, completed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (event_id, channel) do nothing
            """;

    private static final String CLAIMED_COLUMNS = """
            d.id, d.event_id, d.booking_id, d.channel, d.destination, d.attempt_count, d.created_at, d.last_error,
            e.event_type, e.payload, e.kafka_partition, e.kafka_offset, d.claimed_until, e.traceparent
            """;

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final TransactionTemplate transactions;

    public DeliveryLog(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
        this.transactions = transactions;
    }

    /** A delivery newly stored by {@link #record}: the duplicates Kafka redelivers are not in the list. */
    public record Recorded(Channel channel, String eventType, DeliveryStatus status) {}

    /**
     * Stores the events and their deliveries in one transaction. An event or delivery already stored (a record
     * Kafka delivered again) is left as it is: ON CONFLICT DO NOTHING.
     */
    public List<Recorded> record(List<IncomingEvent> events, Instant now) {
        if (events.isEmpty()) {
            return List.of();
        }
        Timestamp nowTs = Timestamp.from(now);
        List<Object[]> eventRows = new ArrayList<>(events.size());
        List<Object[]> deliveryRows = new ArrayList<>();
        List<Recorded> planned = new ArrayList<>();
        for (IncomingEvent incoming : events) {
            var event = incoming.event();
            String eventType = BookingJson.typeOf((Record) event);
            eventRows.add(new Object[] {
                event.eventId(),
                event.bookingId(),
                event.sequence(),
                eventType,
                incoming.payload(),
                incoming.partition(),
                incoming.offset(),
                nowTs,
                incoming.traceparent()
            });
            for (PlannedDelivery delivery : incoming.deliveries()) {
                boolean pending = delivery.status() == DeliveryStatus.PENDING;
                deliveryRows.add(new Object[] {
                    event.eventId(),
                    event.bookingId(),
                    delivery.channel().name(),
                    delivery.destination(),
                    delivery.status().name(),
                    pending ? nowTs : null,
                    delivery.reason(),
                    nowTs,
                    pending ? null : nowTs
                });
                planned.add(new Recorded(delivery.channel(), eventType, delivery.status()));
            }
        }
        return transactions.execute(tx -> {
            jdbc.batchUpdate(INSERT_EVENT, eventRows);
            int[] inserted = jdbc.batchUpdate(INSERT_DELIVERY, deliveryRows);
            List<Recorded> recorded = new ArrayList<>();
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] > 0) {
                    recorded.add(planned.get(i));
                }
            }
            return recorded;
        });
    }

    /**
     * Reserves up to {@code limit} due deliveries of one channel until {@code leaseUntil}. SKIP LOCKED lets several
     * workers claim side by side without waiting for each other or taking the same row. One channel at a time, as
     * each has its own workers: a claim of both could fill up with the kind whose workers are all busy.
     */
    public List<DueDelivery> claimDue(Channel channel, int limit, Instant now, Instant leaseUntil) {
        return claim(
                "status = 'PENDING' and next_attempt_at <= :now and channel = '" + channel.name() + "'",
                "next_attempt_at",
                limit,
                now,
                leaseUntil);
    }

    // One claim for both kinds of work: unclaimed (or lapsed) rows matching the condition, oldest first.
    private List<DueDelivery> claim(String condition, String order, int limit, Instant now, Instant leaseUntil) {
        return client.sql("update notify.deliveries d set claimed_until = :leaseUntil from notify.events e"
                        + " where e.event_id = d.event_id and d.id in ("
                        + "   select id from notify.deliveries where " + condition
                        + "   and (claimed_until is null or claimed_until < :now)"
                        + "   order by " + order + " limit :limit for update skip locked)"
                        + " returning " + CLAIMED_COLUMNS)
                .param("leaseUntil", Timestamp.from(leaseUntil))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(DeliveryLog::dueDelivery)
                .list();
    }

    /** Gives a claimed delivery back untried, due again at {@code dueAt} (its receiver is busy). */
    public void release(long deliveryId, Instant dueAt) {
        client.sql("update notify.deliveries set claimed_until = null, next_attempt_at = :dueAt"
                        + " where id = :id and status = 'PENDING'")
                .param("dueAt", Timestamp.from(dueAt))
                .param("id", deliveryId)
                .update();
    }

    /**
     * Records the attempt and the transition it leads to in one transaction, if this worker still holds the
     * delivery's claim; answers false, recording nothing, when the claim lapsed meanwhile.
     */
    public boolean recordAttempt(
            DueDelivery delivery,
            int attempt,
            Instant startedAt,
            long latencyMs,
            AttemptResult result,
            DeliveryTransition transition) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            client.sql(
                            "insert into notify.attempts (delivery_id, attempt, attempted_at, outcome, status_code, latency_ms,"
                                    + " error) values (:id, :attempt, :at, :outcome, :statusCode, :latencyMs, :error)")
                    .param("id", delivery.id())
                    .param("attempt", attempt)
                    .param("at", Timestamp.from(startedAt))
                    .param("outcome", result.outcome().name())
                    .param("statusCode", result.statusCode())
                    .param("latencyMs", latencyMs)
                    .param("error", result.error())
                    .update();
            int updated = client.sql(
                            "update notify.deliveries set status = :status, attempt_count = :attempt, next_attempt_at = :next,"
                                    + " claimed_until = :claimedUntil, last_error = :lastError,"
                                    + " first_attempt_at = coalesce(first_attempt_at, :startedAt), completed_at = :completed"
                                    + " where id = :id and claimed_until = :claim")
                    .param("status", transition.status().name())
                    .param("attempt", attempt)
                    .param("next", timestamp(transition.nextAttemptAt()))
                    .param("claimedUntil", timestamp(transition.claimedUntil()))
                    .param("lastError", transition.lastError())
                    .param("startedAt", Timestamp.from(startedAt))
                    .param("completed", timestamp(transition.completedAt()))
                    .param("id", delivery.id())
                    .param("claim", timestamp(delivery.claimedUntil()))
                    .update();
            if (updated == 0) {
                // The attempt outlived its lease and another claim owns the delivery now: its outcome must not
                // overwrite the newer claimant's, so nothing of it is recorded.
                tx.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    /** DEAD deliveries whose dead letter is not published yet (a crash or a Kafka outage came between). */
    public List<DueDelivery> claimUnpublishedDeadLetters(int limit, Instant now, Instant leaseUntil) {
        return claim("status = 'DEAD' and dead_lettered_at is null", "completed_at", limit, now, leaseUntil);
    }

    public void markDeadLettered(long deliveryId, Instant now) {
        client.sql("update notify.deliveries set dead_lettered_at = :now, claimed_until = null where id = :id")
                .param("now", Timestamp.from(now))
                .param("id", deliveryId)
                .update();
    }

    /** Deliveries still owed, and how many of those have failed at least once: the retry backlog. */
    public record Backlog(long pending, long retrying) {}

    public Backlog backlog() {
        return client.sql("select count(*) as pending, count(*) filter (where attempt_count > 0) as retrying"
                        + " from notify.deliveries where status = 'PENDING'")
                .query((rs, n) -> new Backlog(rs.getLong("pending"), rs.getLong("retrying")))
                .single();
    }

    private static DueDelivery dueDelivery(ResultSet rs, int row) throws SQLException {
        return new DueDelivery(
                rs.getLong("id"),
                rs.getObject("event_id", UUID.class),
                rs.getObject("booking_id", UUID.class),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("destination"),
                rs.getInt("attempt_count"),
                instant(rs, "created_at"),
                rs.getString("last_error"),
                rs.getString("event_type"),
                rs.getBytes("payload"),
                rs.getInt("kafka_partition"),
                rs.getLong("kafka_offset"),
                instant(rs, "claimed_until"),
                rs.getString("traceparent"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
