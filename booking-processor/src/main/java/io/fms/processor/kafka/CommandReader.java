package io.fms.processor.kafka;

import io.fms.events.BookingCancellationRequested;
import io.fms.events.BookingCommand;
import io.fms.events.BookingConfirmationRequested;
import io.fms.events.BookingJson;
import io.fms.events.BookingRequested;
import io.fms.events.Hold;
import io.fms.events.PartitionTick;
import io.fms.events.Texts;
import io.fms.events.UnreadableRecordException;
import io.fms.processor.decision.IncomingCommand;
import io.fms.support.CommandPartitions;
import io.fms.support.logging.LogFields;
import io.fms.support.tracing.TraceParent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a command record, or says why it cannot be decided. A record refused here goes to the dead-letter topic:
 * guessing at the meaning of a booking command is worse than setting it aside.
 */
public final class CommandReader {

    private static final Logger log = LoggerFactory.getLogger(CommandReader.class);

    // Well inside Postgres's timestamptz range (4713 BC to 294276 AD), and no request can honestly be older or newer.
    private static final Instant EARLIEST_STORABLE = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST_STORABLE = Instant.parse("9999-12-31T23:59:59Z");

    private final int partitions;

    /** @param partitions of the command topic, which decide the partition each trip's commands must be on */
    public CommandReader(int partitions) {
        this.partitions = partitions;
    }

    sealed interface Read permits Readable, Unreadable {}

    record Readable(IncomingCommand command) implements Read {}

    public record Unreadable(ConsumerRecord<String, byte[]> record, String error) implements Read {}

    /** A batch's records read: the commands to decide, in record order, and the records to dead-letter. */
    public record Reads(List<IncomingCommand> commands, List<Unreadable> unreadable) {

        public Set<UUID> bookingIds() {
            Set<UUID> bookingIds = new HashSet<>();
            commands.forEach(command -> {
                if (command.command() instanceof BookingCommand.OnBooking onBooking) {
                    bookingIds.add(onBooking.bookingId());
                }
            });
            return bookingIds;
        }
    }

    public Reads readAll(List<ConsumerRecord<String, byte[]>> records) {
        List<IncomingCommand> commands = new ArrayList<>(records.size());
        List<Unreadable> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            switch (read(record)) {
                case Readable readable -> commands.add(readable.command());
                case Unreadable bad -> {
                    try (LogFields fields = LogFields.of(record)) {
                        log.warn(
                                "unreadable command at {}-{}@{}: {}",
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                bad.error());
                    }
                    unreadable.add(bad);
                }
            }
        }
        return new Reads(commands, unreadable);
    }

    Read read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return new Unreadable(record, "no value");
        }
        BookingCommand command;
        try {
            command = BookingJson.readCommand(record.value());
        } catch (UnreadableRecordException e) {
            return new Unreadable(record, e.getMessage());
        }
        String problem = problemWith(command, record.key(), record.partition());
        return problem == null
                ? new Readable(new IncomingCommand(
                        record.partition(),
                        record.offset(),
                        Instant.ofEpochMilli(record.timestamp()),
                        command,
                        TraceParent.of(record.headers())))
                : new Unreadable(record, problem);
    }

    private String problemWith(BookingCommand command, String key, int partition) {
        if (command.tripId() == null
                || command.requestedAt() == null
                || (command instanceof BookingCommand.OnBooking onBooking && onBooking.bookingId() == null)) {
            return "missing bookingId, tripId or requestedAt";
        }
        // The key decides the partition, and the partition's thread owns the trip: a command keyed otherwise could
        // race another thread for the same seats.
        if (!command.tripId().toString().equals(key)) {
            return "key '" + key + "' is not the command's trip ID " + command.tripId();
        }
        // The same race, from a producer that chose the partition itself.
        int tripPartition = CommandPartitions.of(command.tripId(), partitions);
        if (partition != tripPartition) {
            return "on partition " + partition + ", but trip " + command.tripId() + " is on partition " + tripPartition;
        }
        return switch (command) {
            case BookingRequested request -> problemWith(request);
            case BookingCancellationRequested cancellation -> null;
            case BookingConfirmationRequested confirmation ->
                BookingConfirmationRequested.isValidPaymentReference(confirmation.paymentReference())
                        ? null
                        : "payment reference is not 1-" + BookingConfirmationRequested.PAYMENT_REFERENCE_MAX
                                + " printable characters";
            case PartitionTick tick -> null;
        };
    }

    private static String problemWith(BookingRequested request) {
        int passengers = request.passengers().size();
        // The API enforces the limit, so a record outside it did not come through the API.
        if (passengers < 1 || passengers > BookingRequested.PASSENGERS_MAX) {
            return passengers + " passengers, expected 1-" + BookingRequested.PASSENGERS_MAX;
        }
        if (request.hold() != null && !Hold.isValidSeconds(request.hold().seconds())) {
            return "a hold of " + request.hold().seconds() + " s, expected " + Hold.SECONDS_MIN + "-"
                    + Hold.SECONDS_MAX;
        }
        if (request.waitlist() && !request.seats().isEmpty()) {
            return "a waitlist request names seats";
        }
        // What Postgres cannot store would fail the batch's transaction on every retry and stall the partition, so
        // it is refused here: a NUL or a lone surrogate in any text, or a time outside what timestamptz holds.
        List<String> texts = new ArrayList<>(request.seats());
        request.passengers().forEach(passenger -> texts.add(passenger.name()));
        texts.add(request.contactEmail());
        texts.add(request.callbackUrl());
        if (texts.stream().anyMatch(text -> text != null && !Texts.isStorable(text))) {
            return "a text field holds a NUL character or a lone surrogate, which Postgres cannot store";
        }
        if (request.requestedAt().isBefore(EARLIEST_STORABLE)
                || request.requestedAt().isAfter(LATEST_STORABLE)) {
            return "requestedAt " + request.requestedAt() + " is outside what can be stored";
        }
        // Null passengers or seats never get this far: the record's List.copyOf refuses them while reading.
        return null;
    }
}
