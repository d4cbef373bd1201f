package io.fms.processor.outbox;

import io.fms.processor.store.Sql;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads and clears the outbox: rows wait here until their event is on Kafka and their booking in the read model. */
@Repository
public class OutboxStore {

    private static final String PENDING = """
            select event_id, booking_id, kafka_partition, event_type, payload, traceparent
              from booking.outbox
             where kafka_partition = any(?) and created_at < now() - make_interval(secs => ?)
             order by seq
             limit ?
            """;

    private static final RowMapper<OutboxRow> ROW = (row, index) -> new OutboxRow(
            row.getObject("event_id", UUID.class),
            row.getObject("booking_id", UUID.class),
            row.getInt("kafka_partition"),
            row.getString("event_type"),
            row.getBytes("payload"),
            row.getString("traceparent"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public OutboxStore(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** The oldest unpublished rows of the given command partitions, older than {@code minAgeMs}, in order. */
    public List<OutboxRow> pending(Collection<Integer> partitions, long minAgeMs, int limit) {
        if (partitions.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                PENDING,
                statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("integer", partitions.toArray()));
                    statement.setDouble(2, minAgeMs / 1000.0);
                    statement.setInt(3, limit);
                },
                ROW);
    }

    /**
     * Clears rows whose events are published, without waiting for the write-ahead log to reach the disk: a delete lost
     * in a crash only republishes its events (consumers drop the copies by event ID), so it need not cost a batch a
     * second fsync after the one that made its decisions durable.
     */
    public void delete(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            jdbc.execute("set local synchronous_commit = off");
            jdbc.update(
                    "delete from booking.outbox where event_id = any(?)",
                    statement -> statement.setArray(1, Sql.uuidArray(statement, eventIds)));
        });
    }

    public long backlog() {
        Long rows = jdbc.queryForObject("select count(*) from booking.outbox", Long.class);
        return rows == null ? 0 : rows;
    }
}
