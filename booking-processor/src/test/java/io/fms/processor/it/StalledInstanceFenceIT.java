package io.fms.processor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fms.events.BookingRequested;
import io.fms.events.BookingStatus;
import io.fms.events.Passenger;
import io.fms.events.Topics;
import io.fms.processor.decision.BatchDecisions;
import io.fms.processor.decision.BookingRecord;
import io.fms.processor.outbox.OutboxRow;
import io.fms.processor.store.BookingLedger;
import io.fms.processor.store.OffsetAdvance;
import io.fms.processor.store.PartitionFencedException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A processor instance stalled (SIGSTOP, a long GC pause) past its session timeout loses its partitions to another
 * instance, which decides on; when the stalled one resumes, it still holds a batch decided from its old memory. Its commit must write nothing. Here the running processor is the new owner and the stalled
 * instance's commit is made through the same ledger, with the offset it had loaded before the stall: a booking on a
 * seat nobody else took, so that nothing but the offset fence (no primary key, no seat index) can stop it.
 */
class StalledInstanceFenceIT extends ProcessorITBase {

    @Autowired
    BookingLedger ledger;

    @Test
    void aStalledInstanceCannotCommitDecisionsOnceTheNewOwnerAdvancedThePartition() {
        UUID tripId = createTrip(1, "ABC", FAR_FUTURE);
        int partition = decidedOnItsPartition(request(tripId, 1, List.of("1A")));
        // What the stalled instance read from consumer_offsets before it stopped.
        long stalledAt = ledger.nextOffset(Topics.BOOKING_COMMANDS, partition).orElseThrow();

        BookingRequested second = request(tripId, 1, List.of("1B"));
        send(second);
        eventually().until(() -> bookingRow(second.bookingId()) != null);
        long ownerAt = ledger.nextOffset(Topics.BOOKING_COMMANDS, partition).orElseThrow();
        assertThat(ownerAt).as("the new owner advanced the partition").isGreaterThan(stalledAt);

        StaleBatch stale = staleBatch(tripId, partition, "1C");
        assertThatThrownBy(() -> ledger.commit(
                        stale.decisions(),
                        stale.outbox(),
                        List.of(new OffsetAdvance(Topics.BOOKING_COMMANDS, partition, stalledAt, stalledAt + 1)),
                        Instant.now()))
                .isInstanceOf(PartitionFencedException.class);

        assertThat(bookingRow(stale.bookingId())).as("the stale decision").isNull();
        assertThat(liveSeats(tripId)).containsExactly("1A", "1B");
        assertThat(outboxRowsOf(stale.bookingId()))
                .as("the stale decision's event")
                .isZero();
        assertThat(ledger.nextOffset(Topics.BOOKING_COMMANDS, partition).orElseThrow())
                .as("the partition stays where its owner left it")
                .isEqualTo(ownerAt);
    }

    @Test
    void anInstanceThatFoundNoOffsetCannotCommitOnceAnotherRecordedOne() {
        UUID tripId = createTrip(1, "AB", FAR_FUTURE);
        int partition = decidedOnItsPartition(request(tripId, 1, List.of("1A")));

        // Loaded before any offset of this partition existed (expected null): the insert must not pass either.
        StaleBatch stale = staleBatch(tripId, partition, "1B");
        assertThatThrownBy(() -> ledger.commit(
                        stale.decisions(),
                        stale.outbox(),
                        List.of(new OffsetAdvance(Topics.BOOKING_COMMANDS, partition, null, 1)),
                        Instant.now()))
                .isInstanceOf(PartitionFencedException.class);
        assertThat(bookingRow(stale.bookingId())).isNull();
        assertThat(liveSeats(tripId)).containsExactly("1A");
    }

    private record StaleBatch(UUID bookingId, BatchDecisions decisions, List<OutboxRow> outbox) {}

    private static StaleBatch staleBatch(UUID tripId, int partition, String seat) {
        Instant now = Instant.now();
        BookingRecord booking = new BookingRecord(
                UUID.randomUUID(),
                tripId,
                BookingStatus.CONFIRMED,
                null,
                List.of(),
                List.of(seat),
                List.of(new Passenger("Stale Decision")),
                null,
                null,
                now,
                now,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                0,
                1);
        BatchDecisions decisions = new BatchDecisions(
                List.of(booking),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(booking),
                Set.of(tripId),
                List.of());
        OutboxRow event = new OutboxRow(
                UUID.randomUUID(),
                booking.bookingId(),
                partition,
                "BookingConfirmed",
                "{}".getBytes(StandardCharsets.UTF_8),
                null);
        return new StaleBatch(booking.bookingId(), decisions, List.of(event));
    }

    private static int outboxRowsOf(UUID bookingId) {
        Integer rows = truth.queryForObject(
                "select count(*) from booking.outbox where booking_id = ?", Integer.class, bookingId);
        return rows == null ? 0 : rows;
    }

    /** Sends the request and waits for its decision; returns the partition it was decided on. */
    private static int decidedOnItsPartition(BookingRequested request) {
        int partition = send(request).partition();
        eventually().until(() -> bookingRow(request.bookingId()) != null);
        return partition;
    }
}
