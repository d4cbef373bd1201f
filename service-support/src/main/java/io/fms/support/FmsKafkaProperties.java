package io.fms.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the FMS topics are laid out. The command topic's partition count bounds the processor's parallelism: every
 * partition is owned by one consumer thread at a time.
 *
 * @param commandPartitions partitions of {@code fms.booking.commands}
 * @param eventPartitions partitions of {@code fms.booking.events}
 * @param replicationFactor replicas of every FMS topic (1 on a single local broker, 3 in production)
 */
@Validated
@ConfigurationProperties("fms.kafka")
public record FmsKafkaProperties(
        @DefaultValue("12") int commandPartitions,
        @DefaultValue("12") int eventPartitions,
        @DefaultValue("1") short replicationFactor) {

    public FmsKafkaProperties {
        if (commandPartitions < 1 || eventPartitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("fms.kafka partitions and replication factor must be at least 1");
        }
    }
}
