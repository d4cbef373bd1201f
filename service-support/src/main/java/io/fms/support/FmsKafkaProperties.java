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
 * @param healthTimeoutMs how long the {@code kafka} health check waits for the cluster to answer before it reports
 *     DOWN; shorter than the orchestrator's probe timeout, or a broker outage reads as a dead process
 */
@Validated
@ConfigurationProperties("fms.kafka")
public record FmsKafkaProperties(
        @DefaultValue("12") int commandPartitions,
        @DefaultValue("12") int eventPartitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("3000") long healthTimeoutMs) {

    public FmsKafkaProperties {
        if (commandPartitions < 1 || eventPartitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("fms.kafka partitions and replication factor must be at least 1");
        }
        if (healthTimeoutMs < 100 || healthTimeoutMs > 60_000) {
            throw new IllegalArgumentException(
                    "fms.kafka.health-timeout-ms must be between 100 and 60000, was " + healthTimeoutMs);
        }
    }
}
