package io.fms.api.seatmap;

import io.fms.api.ProcessorTables;
import io.fms.api.catalog.CatalogService;
import io.fms.api.catalog.SeatMap;
import io.fms.events.Topics;
import io.fms.support.CommandPartitions;
import io.fms.support.FmsKafkaProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A trip's seat map with the version it is of. The seat map is what {@code GET /api/v1/trips/{id}/seats} shows (the
 * catalog reads it from the processor's seats in Postgres); its version is the processor's stored offset of the
 * trip's command partition, read in the same repeatable-read snapshot. The processor stores that offset in the
 * transaction that writes the seats, so the map holds the effect of every command below the offset and of none
 * above: exactly the seat changes of version {@code <= offset} (a change's version is one past the offset of its
 * batch's last command on the trip).
 */
@Component
class SeatMapSnapshots {

    private final CatalogService catalog;
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final int commandPartitions;

    SeatMapSnapshots(
            CatalogService catalog,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            FmsKafkaProperties kafka) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.commandPartitions = kafka.commandPartitions();
    }

    /** The trip's seats and their version; an unknown trip is a 404 problem, as for the seat map itself. */
    VersionedSeats load(UUID tripId) {
        try {
            return snapshot.execute(
                    status -> versioned(decidedOffset(CommandPartitions.of(tripId, commandPartitions)), tripId));
        } catch (DataAccessException e) {
            // Before the processor's first start its tables do not exist and nothing is decided: version 0.
            if (ProcessorTables.isMissing(e)) {
                return versioned(0L, tripId);
            }
            throw e;
        }
    }

    private VersionedSeats versioned(long version, UUID tripId) {
        SeatMap map = catalog.seatMap(tripId);
        Map<String, String> seats = new LinkedHashMap<>();
        map.seats().forEach(seat -> seats.put(seat.seat(), seat.status().name()));
        return new VersionedSeats(version, seats);
    }

    private long decidedOffset(int partition) {
        return jdbc.sql("select next_offset from booking.consumer_offsets where topic = ? and partition = ?")
                .params(Topics.BOOKING_COMMANDS, partition)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }
}
