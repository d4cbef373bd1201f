package io.fms.processor.kafka;

import io.fms.events.Topics;
import io.fms.processor.batch.CommandBatchHandler;
import io.fms.support.FmsKafkaProperties;
import io.fms.support.FmsTopics;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands each polled batch of commands to {@link CommandBatchHandler}, on the thread that owns its partitions. */
@Component
class CommandListener {

    static final String ID = "booking-commands";

    private final CommandBatchHandler handler;
    private final int commandPartitions;
    private final CommandLogRange logRange;
    private final BatchSpans spans;

    CommandListener(
            CommandBatchHandler handler, FmsKafkaProperties topics, CommandLogRange logRange, BatchSpans spans) {
        this.handler = handler;
        this.logRange = logRange;
        this.spans = spans;
        this.commandPartitions = topics.commandPartitions();
    }

    // The group is spring.kafka.consumer.group-id, not the listener's id: the id only names the container. The
    // client IDs name the process ("booking-processor.pid4711-0" .. "-3"), so the group's description says which
    // instance holds which partition.
    @KafkaListener(
            id = ID,
            idIsGroup = false,
            topics = Topics.BOOKING_COMMANDS,
            batch = "true",
            clientIdPrefix = "${spring.application.name}.pid#{T(java.lang.ProcessHandle).current().pid()}")
    void onBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        // From the consumer's metadata, no round trip once known. Should the topic have been repartitioned under
        // us, nothing is decided (the batch is retried, and logged, until the settings and the topic agree again):
        // deciding would seat a trip's commands on two partitions, and reading would dead-letter valid ones.
        FmsTopics.requireCommandPartitions(
                consumer.partitionsFor(Topics.BOOKING_COMMANDS).size(), commandPartitions);
        // A batch retried by the error handler may outlive a rebalance; records of partitions this consumer no
        // longer owns are their new owner's to decide.
        Set<TopicPartition> owned = consumer.assignment();
        Set<TopicPartition> present = new HashSet<>();
        records.forEach(record -> present.add(new TopicPartition(record.topic(), record.partition())));
        present.retainAll(owned);
        Set<TopicPartition> refused = logRange.refusedOf(consumer, present);
        List<ConsumerRecord<String, byte[]>> mine = records.stream()
                .filter(record -> {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    return owned.contains(partition) && !refused.contains(partition);
                })
                .toList();
        Span span = spans.start(mine);
        try (Tracer.SpanInScope scope = spans.inScope(span)) {
            handler.handle(mine);
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
