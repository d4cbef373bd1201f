package io.fms.processor.kafka;

import io.fms.events.Topics;
import io.fms.processor.batch.CommandBatchHandler;
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

    CommandListener(CommandBatchHandler handler) {
        this.handler = handler;
    }

    // The group is spring.kafka.consumer.group-id, not the listener's id: the id only names the container.
    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.BOOKING_COMMANDS, batch = "true")
    void onBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        // A batch retried by the error handler may outlive a rebalance; records of partitions this consumer no
        // longer owns are their new owner's to decide.
        Set<TopicPartition> owned = consumer.assignment();
        handler.handle(records.stream()
                .filter(record -> owned.contains(new TopicPartition(record.topic(), record.partition())))
                .toList());
    }
}
