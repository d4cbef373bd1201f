package io.fms.chaos;

import io.fms.chaos.Fault.DrainedChecks;
import io.fms.events.BookingJson;
import io.fms.events.BookingRequested;
import io.fms.events.Passenger;
import io.fms.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Every command and event delivered again (the consumer groups reset to the earliest offset) with poison records
 * among them: no decision changes, no webhook is sent twice, the poison is dead-lettered and an impossible seat is
 * rejected.
 */
final class Redelivery implements Fault.Injection {

    @Override
    public DrainedChecks inject(FaultContext context, Phase phase) {
        Stack stack = context.stack();
        Ledger ledger = context.ledger();
        KafkaTools kafka = context.kafka();
        Receiver receiver = context.receiver();
        stack.scaleProcessors(1);
        stack.stop("booking-processor");
        stack.stop("notification-worker");
        // What was decided and notified before the reset, to compare after.
        Set<String> before = context.acceptedIds();
        Map<String, String> decidedBefore = ledger.decisions(before);
        Map<String, String> eventsBefore = ledger.eventIds(decidedBefore.keySet());
        Map<String, Integer> hitsBefore = receiver.snapshot();

        kafka.resetToEarliest(KafkaTools.PROCESSOR_GROUP, Topics.BOOKING_COMMANDS);
        kafka.resetToEarliest(KafkaTools.WORKER_GROUP, Topics.BOOKING_EVENTS);
        long deadLettersBefore = kafka.records(Topics.BOOKING_COMMANDS_DLT);
        String tripId = phase.trips.getFirst().id();
        UUID invalidSeat = UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> poison = poison(tripId, invalidSeat);
        kafka.send(poison);
        Instant restarted = Instant.now();
        stack.up();
        phase.recovered(context.catchUp(restarted));
        phase.note("groups reset to earliest; " + (poison.size() - 1) + " poison records and 1 impossible seat sent");

        return () -> {
            Map<String, String> decidedAfter = ledger.decisions(decidedBefore.keySet());
            phase.check(decidedAfter.equals(decidedBefore), "decisions changed after the reset");
            Map<String, String> eventsAfter = ledger.eventIds(decidedBefore.keySet());
            phase.check(
                    eventsAfter.keySet().containsAll(eventsBefore.keySet())
                            && eventsAfter.size() == eventsBefore.size(),
                    "events of earlier bookings changed: " + eventsBefore.size() + " -> " + eventsAfter.size());
            long resent = eventsBefore.keySet().stream()
                    .filter(event ->
                            hitsBefore.getOrDefault(event, 0) > 0 && receiver.hits(event) != hitsBefore.get(event))
                    .count();
            phase.check(resent == 0, resent + " webhook(s) delivered before the reset were sent again");
            long deadLettered = kafka.records(Topics.BOOKING_COMMANDS_DLT) - deadLettersBefore;
            phase.check(
                    deadLettered == poison.size() - 1,
                    deadLettered + " record(s) dead-lettered, " + (poison.size() - 1) + " expected");
            boolean rejected = Waits.poll(
                    Duration.ofSeconds(60),
                    () -> "INVALID_SEAT"
                            .equals(ledger.reasons(List.of(invalidSeat.toString()))
                                    .get(invalidSeat.toString())));
            phase.check(rejected, "the impossible seat was not rejected INVALID_SEAT");
        };
    }

    /** Garbage, a wrong schema version, ten passengers, a key that is not the trip; last a valid impossible seat. */
    private static List<ProducerRecord<String, byte[]>> poison(String tripId, UUID invalidSeat) {
        UUID trip = UUID.fromString(tripId);
        List<Passenger> one = List.of(new Passenger("Poison Test"));
        BookingRequested valid =
                new BookingRequested(UUID.randomUUID(), trip, one, List.of(), null, null, Instant.now());
        String versioned = new String(BookingJson.write(valid), StandardCharsets.UTF_8)
                .replaceFirst("\"schemaVersion\"\\s*:\\s*\\d+", "\"schemaVersion\":99");
        List<Passenger> ten = IntStream.range(0, 10)
                .mapToObj(index -> new Passenger("Passenger " + index))
                .toList();
        BookingRequested tooMany =
                new BookingRequested(UUID.randomUUID(), trip, ten, List.of(), null, null, Instant.now());
        BookingRequested wrongKey =
                new BookingRequested(UUID.randomUUID(), trip, one, List.of(), null, null, Instant.now());
        BookingRequested impossible =
                new BookingRequested(invalidSeat, trip, one, List.of("999Z"), null, null, Instant.now());
        return List.of(
                new ProducerRecord<>(Topics.BOOKING_COMMANDS, tripId, new byte[] {(byte) 0xff, 0x00, 0x13, 0x37}),
                new ProducerRecord<>(Topics.BOOKING_COMMANDS, tripId, versioned.getBytes(StandardCharsets.UTF_8)),
                new ProducerRecord<>(Topics.BOOKING_COMMANDS, tripId, BookingJson.write(tooMany)),
                new ProducerRecord<>(
                        Topics.BOOKING_COMMANDS, UUID.randomUUID().toString(), BookingJson.write(wrongKey)),
                new ProducerRecord<>(Topics.BOOKING_COMMANDS, tripId, BookingJson.write(impossible)));
    }
}
