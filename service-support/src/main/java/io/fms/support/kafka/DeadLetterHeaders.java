package io.fms.support.kafka;

import io.fms.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * The headers that say where a dead letter came from and why it was set aside, the same on every FMS dead-letter
 * topic so that one tool can read them all: {@link Topics#HEADER_ORIGIN_TOPIC}, {@link
 * Topics#HEADER_ORIGIN_PARTITION}, {@link Topics#HEADER_ORIGIN_OFFSET} and {@link Topics#HEADER_ERROR}, added in
 * that order, every value UTF-8 text (partition and offset in decimal).
 *
 * <p>Only adds: a caller that keeps the original record's headers copies them into the dead letter first.
 */
public final class DeadLetterHeaders {

    private DeadLetterHeaders() {}

    /**
     * @param target the dead letter's headers, e.g. {@code producerRecord.headers()}
     * @param origin the record set aside
     * @param reason why, for whoever reads the dead-letter topic
     * @return {@code target}
     */
    public static Headers add(Headers target, ConsumerRecord<?, ?> origin, String reason) {
        return add(target, origin.topic(), origin.partition(), origin.offset(), reason);
    }

    /** For a dead letter published after its record is gone, from the origin stored with it. */
    public static Headers add(
            Headers target, String originTopic, int originPartition, long originOffset, String reason) {
        Objects.requireNonNull(originTopic);
        Objects.requireNonNull(reason);
        return target.add(Topics.HEADER_ORIGIN_TOPIC, utf8(originTopic))
                .add(Topics.HEADER_ORIGIN_PARTITION, utf8(Integer.toString(originPartition)))
                .add(Topics.HEADER_ORIGIN_OFFSET, utf8(Long.toString(originOffset)))
                .add(Topics.HEADER_ERROR, utf8(reason));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
