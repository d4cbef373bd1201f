package io.fms.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingJson;
import io.fms.events.BookingRequested;
import io.fms.events.Topics;
import io.fms.support.CommandPartitions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class PoisonRecordsIT extends ProcessorITBase {

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndThePartitionKeepsFlowing() {
        UUID tripId = createTrip(2, "AB", FAR_FUTURE);
        String key = tripId.toString();
        byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
        sendRaw(key, notJson);
        sendRaw(key, "{\"type\":\"BookingExploded\",\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8));
        sendRaw(key, null);
        // Valid JSON for another trip, on this trip's partition: deciding it here could race that trip's owner.
        sendRaw(key, BookingJson.write(request(UUID.randomUUID(), 1, List.of())));
        BookingRequested after = request(tripId, 1, List.of());
        send(after);

        eventually()
                .until(() -> recorder().events(after.bookingId()).size() == 1
                        && recorder().deadLetters(key).size() == 4);

        List<ConsumerRecord<String, byte[]>> deadLetters = recorder().deadLetters(key);
        assertThat(deadLetters.getFirst().value()).isEqualTo(notJson);
        assertThat(deadLetters.get(2).value()).isNull();
        assertThat(deadLetters).allSatisfy(deadLetter -> {
            assertThat(header(deadLetter, Topics.HEADER_ORIGIN_TOPIC)).isEqualTo(Topics.BOOKING_COMMANDS);
            assertThat(header(deadLetter, Topics.HEADER_ORIGIN_PARTITION))
                    .isEqualTo(header(deadLetters.getFirst(), Topics.HEADER_ORIGIN_PARTITION));
            assertThat(header(deadLetter, Topics.HEADER_ERROR)).isNotBlank();
        });
        assertThat(deadLetters)
                .extracting(deadLetter -> Long.parseLong(header(deadLetter, Topics.HEADER_ORIGIN_OFFSET)))
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(header(deadLetters.get(0), Topics.HEADER_ERROR)).contains("not JSON");
        assertThat(header(deadLetters.get(1), Topics.HEADER_ERROR)).contains("unknown type");
        assertThat(header(deadLetters.get(3), Topics.HEADER_ERROR)).contains("trip ID");
        assertThat(bookingRow(after.bookingId()).get("status")).isEqualTo("CONFIRMED");
        assertThat(truth.queryForObject(
                        "select next_offset from booking.consumer_offsets where topic = ? and partition = ?",
                        Long.class,
                        Topics.BOOKING_COMMANDS,
                        Integer.parseInt(header(deadLetters.getFirst(), Topics.HEADER_ORIGIN_PARTITION))))
                .isGreaterThan(Long.parseLong(header(deadLetters.get(3), Topics.HEADER_ORIGIN_OFFSET)) + 1);
    }

    @Test
    void whatPostgresCannotStoreAndWhatSitsOnAnotherTripsPartitionAreSetAsideAndThePartitionFlows() {
        UUID tripId = createTrip(2, "AB", FAR_FUTURE);
        String key = tripId.toString();
        // JSON's escape of a lone surrogate: Postgres' jsonb refuses it, so deciding it would fail every retry.
        byte[] loneSurrogate = new String(BookingJson.write(request(tripId, 1, List.of())), StandardCharsets.UTF_8)
                .replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"Ada \\\\ud800\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(new String(loneSurrogate, StandardCharsets.UTF_8)).contains("\\ud800");
        sendRaw(key, loneSurrogate);
        int partitions = topics.commandPartitions();
        int elsewhere = (CommandPartitions.of(tripId, partitions) + 1) % partitions;
        sendRaw(elsewhere, key, BookingJson.write(request(tripId, 1, List.of())));
        BookingRequested after = request(tripId, 1, List.of());
        send(after);

        eventually()
                .until(() -> recorder().events(after.bookingId()).size() == 1
                        && recorder().deadLetters(key).size() == 2);

        assertThat(recorder().deadLetters(key))
                .extracting(deadLetter -> header(deadLetter, Topics.HEADER_ERROR))
                .anySatisfy(error -> assertThat(error).contains("lone surrogate"))
                .anySatisfy(error -> assertThat(error).contains("is on partition"));
        assertThat(bookingRow(after.bookingId()).get("status")).isEqualTo("CONFIRMED");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
