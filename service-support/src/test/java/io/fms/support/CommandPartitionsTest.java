package io.fms.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class CommandPartitionsTest {

    @Test
    void agreesWithThePartitionKafkaPicksForTheKey() {
        for (int i = 0; i < 1_000; i++) {
            UUID tripId = UUID.randomUUID();
            for (int partitions : List.of(1, 3, 12, 64)) {
                byte[] key = tripId.toString().getBytes(StandardCharsets.UTF_8);
                assertThat(CommandPartitions.of(tripId, partitions))
                        .isEqualTo(BuiltInPartitioner.partitionForKey(key, partitions));
            }
        }
    }

    @Test
    void spreadsTripsOverEveryPartition() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            seen.add(CommandPartitions.of(UUID.randomUUID(), 12));
        }
        assertThat(seen).hasSize(12);
    }

    @Test
    void refusesAnEmptyTopic() {
        assertThatIllegalArgumentException().isThrownBy(() -> CommandPartitions.of(UUID.randomUUID(), 0));
    }
}
