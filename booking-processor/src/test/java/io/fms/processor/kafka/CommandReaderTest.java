package io.fms.processor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingCancellationRequested;
import io.fms.events.BookingJson;
import io.fms.events.BookingRequested;
import io.fms.events.Passenger;
import io.fms.events.Topics;
import io.fms.processor.TestCommands;
import io.fms.processor.kafka.CommandReader.Readable;
import io.fms.processor.kafka.CommandReader.Unreadable;
import io.fms.support.CommandPartitions;
import io.fms.support.tracing.TraceParent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class CommandReaderTest {

    private static final int PARTITIONS = 12;
    private static final CommandReader READER = new CommandReader(PARTITIONS);

    private final UUID tripId = UUID.randomUUID();

    @Test
    void readsACommandKeyedByItsTrip() {
        BookingRequested request = request(1);

        CommandReader.Read read = READER.read(record(tripId.toString(), BookingJson.write(request)));

        assertThat(read).isInstanceOfSatisfying(Readable.class, readable -> {
            assertThat(readable.command().command()).isEqualTo(request);
            assertThat(readable.command().partition()).isEqualTo(CommandPartitions.of(tripId, PARTITIONS));
            assertThat(readable.command().traceparent()).isNull();
        });
    }

    @Test
    void keepsTheTraceContextACommandArrivedWithWhenItIsValid() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        ConsumerRecord<String, byte[]> traced = record(tripId.toString(), BookingJson.write(request(1)));
        TraceParent.put(traced.headers(), traceparent);
        ConsumerRecord<String, byte[]> garbled = record(tripId.toString(), BookingJson.write(request(1)));
        garbled.headers().add(TraceParent.HEADER, "00-not-a-trace".getBytes(StandardCharsets.US_ASCII));

        assertThat(READER.read(traced))
                .isInstanceOfSatisfying(
                        Readable.class,
                        readable -> assertThat(readable.command().traceparent()).isEqualTo(traceparent));
        assertThat(READER.read(garbled))
                .isInstanceOfSatisfying(
                        Readable.class,
                        readable -> assertThat(readable.command().traceparent()).isNull());
    }

    @Test
    void refusesACommandOnAnotherTripsPartition() {
        int elsewhere = (CommandPartitions.of(tripId, PARTITIONS) + 1) % PARTITIONS;
        ConsumerRecord<String, byte[]> misplaced = new ConsumerRecord<>(
                Topics.BOOKING_COMMANDS, elsewhere, 17L, tripId.toString(), BookingJson.write(request(1)));

        assertUnreadable(misplaced, "is on partition " + CommandPartitions.of(tripId, PARTITIONS));
    }

    @Test
    void readsACancellation() {
        var cancellation = new BookingCancellationRequested(UUID.randomUUID(), tripId, Instant.now());

        assertThat(READER.read(record(tripId.toString(), BookingJson.write(cancellation))))
                .isInstanceOf(Readable.class);
    }

    @Test
    void refusesWhatCannotBeDecided() {
        String key = tripId.toString();
        assertUnreadable(record(key, null), "no value");
        assertUnreadable(record(key, utf8("{not json")), "not JSON");
        assertUnreadable(record(key, utf8("{\"type\":\"BookingExploded\",\"schemaVersion\":1}")), "unknown type");
        assertUnreadable(record(key, requestWith("\"schemaVersion\":1", "\"schemaVersion\":99")), "schemaVersion");
        assertUnreadable(
                record(UUID.randomUUID().toString(), BookingJson.write(request(1))), "is not the command's trip");
        assertUnreadable(record(null, BookingJson.write(request(1))), "is not the command's trip");
        assertUnreadable(record(key, BookingJson.write(request(0))), "0 passengers");
        assertUnreadable(record(key, BookingJson.write(request(10))), "10 passengers");
        assertUnreadable(record(key, requestWith("[{\"name\":\"Ada\"}]", "[null]")), "malformed BookingRequested");
    }

    @Test
    void refusesWhatPostgresCouldNotStoreRatherThanStallThePartition() {
        String key = tripId.toString();
        BookingRequested nulInName =
                TestCommands.on(tripId).passenger("Ada\u0000").build();
        BookingRequested nulInSeat =
                TestCommands.on(tripId).seats(List.of("1\u0000A")).build();
        BookingRequested ancient = TestCommands.on(tripId)
                .requestedAt(Instant.parse("-4800-01-01T00:00:00Z"))
                .build();

        assertUnreadable(record(key, BookingJson.write(nulInName)), "NUL character");
        assertUnreadable(record(key, BookingJson.write(nulInSeat)), "NUL character");
        // JSON's escape of a lone surrogate, which Postgres' jsonb refuses.
        assertUnreadable(record(key, requestWith("\"name\":\"Ada\"", "\"name\":\"Ada \\ud800\"")), "lone surrogate");
        assertUnreadable(record(key, BookingJson.write(ancient)), "outside what can be stored");
    }

    private static void assertUnreadable(ConsumerRecord<String, byte[]> record, String why) {
        assertThat(READER.read(record))
                .isInstanceOfSatisfying(
                        Unreadable.class,
                        unreadable -> assertThat(unreadable.error()).contains(why));
    }

    /** A valid request's JSON with one piece of it replaced, as another producer could send it. */
    private byte[] requestWith(String piece, String replacement) {
        return utf8(new String(BookingJson.write(request(1)), StandardCharsets.UTF_8).replace(piece, replacement));
    }

    private BookingRequested request(int passengers) {
        return TestCommands.on(tripId)
                .passengers(Collections.nCopies(passengers, new Passenger("Ada")))
                .build();
    }

    /** On the partition of the trip the key names (partition 0 for a key that names none). */
    private static ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        int partition = 0;
        try {
            partition = CommandPartitions.of(UUID.fromString(key), PARTITIONS);
        } catch (IllegalArgumentException | NullPointerException notATrip) {
            // The reader must refuse such a record for its key before its partition matters.
        }
        return new ConsumerRecord<>(Topics.BOOKING_COMMANDS, partition, 17L, key, value);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
