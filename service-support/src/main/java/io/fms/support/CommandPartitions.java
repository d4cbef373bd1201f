package io.fms.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition of {@code fms.booking.commands} carries a trip's commands. It is the partition Kafka's default
 * partitioner picks for the record key (the trip ID), written out so that the API can name the partition before it
 * sends (a booking ID carries it) and the processor can tell a record that sits on another trip's partition.
 */
public final class CommandPartitions {

    private CommandPartitions() {}

    public static int of(UUID tripId, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        byte[] key = tripId.toString().getBytes(StandardCharsets.UTF_8);
        // What the producer's built-in partitioner does with a keyed record.
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }
}
