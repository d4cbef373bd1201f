package io.fms.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingRequested;
import io.fms.events.Topics;
import io.fms.support.CommandPartitions;
import io.fms.testkit.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Postgres's offset for a partition beyond the partition's log (the topic recreated, a broker's data lost): the
 * partition is refused, not read with every new command taken for one already decided.
 */
class CommandLogRangeIT extends ProcessorITBase {

    @Autowired
    @Qualifier("commandLogHealthIndicator")
    HealthIndicator commandLog;

    @Autowired
    MeterRegistry meters;

    @Test
    void aStoredOffsetBeyondTheLogRefusesThePartitionUntilItIsRight() throws Exception {
        UUID tripId = createTrip(1, "AB", FAR_FUTURE);
        TopicPartition partition =
                new TopicPartition(Topics.BOOKING_COMMANDS, CommandPartitions.of(tripId, topics.commandPartitions()));
        commandListener().stop();
        Long before = storedNextOffset(partition);
        storeNextOffset(partition, endOffset(partition) + 1_000);
        commandListener().start();

        BookingRequested request = request(tripId, 1, List.of());
        send(request);

        eventually().until(() -> commandLog.health().getStatus().equals(Status.DOWN));
        assertThat(commandLog.health().getDetails()).containsKey(partition.toString());
        assertThat(meters.get("fms.processor.partitions.refused").gauge().value())
                .isEqualTo(1.0);
        assertThat(bookingRow(request.bookingId()))
                .as("not skipped as decided, not decided")
                .isNull();

        // The operator puts the offset back where the log's decisions really end; the partition is assigned again.
        commandListener().stop();
        if (before == null) {
            truth.update(
                    "delete from booking.consumer_offsets where topic = ? and partition = ?",
                    partition.topic(),
                    partition.partition());
        } else {
            storeNextOffset(partition, before);
        }
        commandListener().start();

        eventually()
                .until(() -> bookingRow(request.bookingId()) != null
                        && "CONFIRMED".equals(bookingRow(request.bookingId()).get("status")));
        eventually().until(() -> commandLog.health().getStatus().equals(Status.UP));
        assertThat(meters.get("fms.processor.partitions.refused").gauge().value())
                .isZero();
    }

    private static Long storedNextOffset(TopicPartition partition) {
        List<Long> stored = truth.queryForList(
                "select next_offset from booking.consumer_offsets where topic = ? and partition = ?",
                Long.class,
                partition.topic(),
                partition.partition());
        return stored.isEmpty() ? null : stored.getFirst();
    }

    private static void storeNextOffset(TopicPartition partition, long nextOffset) {
        truth.update(
                "insert into booking.consumer_offsets (topic, partition, next_offset) values (?, ?, ?)"
                        + " on conflict (topic, partition) do update set next_offset = excluded.next_offset",
                partition.topic(),
                partition.partition(),
                nextOffset);
    }

    private static long endOffset(TopicPartition partition) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .partitionResult(partition)
                    .get(10, TimeUnit.SECONDS)
                    .offset();
        }
    }
}
