package io.fms.processor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingJson;
import io.fms.events.BookingRejected;
import io.fms.events.BookingRequested;
import io.fms.events.BookingStatus;
import io.fms.events.Passenger;
import io.fms.events.RejectionReason;
import io.fms.events.TripSummary;
import io.fms.processor.outbox.OutboxSweeper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

class RecoveryIT extends ProcessorITBase {

    @Autowired
    OutboxSweeper sweeper;

    @Autowired
    ScheduledTaskHolder scheduled;

    @Test
    void stoppingAndStartingMidStreamDecidesEveryRequestExactlyOnce() {
        UUID tripId = createTrip(10, "ABCDEF", FAR_FUTURE);
        List<BookingRequested> requests = singleSeatRequests(tripId, 200);
        List<UUID> bookingIds = bookingIds(requests);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> requests.forEach(ProcessorITBase::send));

        eventually().until(() -> decidedCount(bookingIds) >= 20);
        commandListener().stop();
        assertThat(commandListener().isRunning()).isFalse();
        int decidedWhileRunning = decidedCount(bookingIds);
        sending.join();
        assertThat(decidedCount(bookingIds))
                .as("nothing is decided while the listener is stopped")
                .isEqualTo(decidedWhileRunning);
        commandListener().start();

        eventually()
                .until(() -> decidedCount(bookingIds) == requests.size()
                        && bookingIds.stream()
                                .allMatch(id -> !recorder().events(id).isEmpty()));
        for (UUID bookingId : bookingIds) {
            assertThat(recorder().distinctEvents(bookingId))
                    .as("decisions of %s", bookingId)
                    .hasSize(1);
        }
        assertThat(liveSeats(tripId)).hasSize(60).doesNotHaveDuplicates();
    }

    @Test
    void outboxRowsLeftByACrashAreRepublishedWhenPartitionsAreAssigned() {
        UUID tripId = createTrip(1, "AB", FAR_FUTURE);
        UUID eventId = UUID.randomUUID();
        UUID bookingId = committedButNeverPublished(tripId, eventId, "1A");

        commandListener().stop();
        commandListener().start();

        eventually().until(() -> !recorder().events(bookingId).isEmpty() && view(bookingId) != null);
        assertThat(recorder().events(bookingId).getFirst().eventId()).isEqualTo(eventId);
        assertThat(view(bookingId).status()).isEqualTo(BookingStatus.CONFIRMED);
        eventually().until(() -> outboxRows(eventId) == 0);
        // The seat held by the crashed batch's booking is known to the inventory loaded from Postgres.
        BookingRequested sameSeat = request(tripId, 1, List.of("1A"));
        send(sameSeat);
        eventually().until(() -> !recorder().events(sameSeat.bookingId()).isEmpty());
        assertThat(recorder().events(sameSeat.bookingId()).getFirst())
                .isInstanceOfSatisfying(
                        BookingRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.SEAT_UNAVAILABLE));
    }

    @Test
    void theSweeperRunsEveryOutboxSweepInterval() {
        // ProcessorITBase sets fms.processor.outbox-sweep-interval-ms=3600000: the schedule must follow it.
        assertThat(scheduled.getScheduledTasks())
                .extracting(ScheduledTask::getTask)
                .filteredOn(task -> task instanceof FixedDelayTask delay
                        && delay.getRunnable().toString().contains("OutboxSweeper"))
                .singleElement()
                .satisfies(task -> {
                    FixedDelayTask sweep = (FixedDelayTask) task;
                    assertThat(sweep.getIntervalDuration()).isEqualTo(Duration.ofHours(1));
                    assertThat(sweep.getInitialDelayDuration()).isEqualTo(Duration.ofHours(1));
                });
    }

    @Test
    void theSweeperPublishesRowsWhosePublishFailed() {
        UUID tripId = createTrip(1, "AB", FAR_FUTURE);
        UUID eventId = UUID.randomUUID();
        UUID bookingId = committedButNeverPublished(tripId, eventId, "1B");
        // Owned partitions only: wait until the listener owns partitions after any restart by another test.
        eventually()
                .until(() ->
                        sweeper.sweep() >= 0 && !recorder().events(bookingId).isEmpty());

        assertThat(recorder().events(bookingId).getFirst().eventId()).isEqualTo(eventId);
        assertThat(outboxRows(eventId)).isZero();
        assertThat(view(bookingId).seats()).containsExactly("1B");
    }

    @Test
    void withPostgresAwayNothingIsDeadLetteredAndEverythingIsDecidedOnceItIsBack() {
        UUID tripId = createTrip(2, "AB", FAR_FUTURE);
        List<BookingRequested> requests = singleSeatRequests(tripId, 10);
        List<UUID> bookingIds = bookingIds(requests);

        postgresProxy.cut();
        try {
            requests.forEach(ProcessorITBase::send);
            await().during(Duration.ofSeconds(4))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> decidedCount(bookingIds) == 0
                            && recorder().deadLetters(tripId.toString()).isEmpty()
                            && bookingIds.stream()
                                    .allMatch(id -> recorder().events(id).isEmpty()));
        } finally {
            postgresProxy.restore();
        }

        eventually()
                .until(() -> decidedCount(bookingIds) == requests.size()
                        && bookingIds.stream()
                                .allMatch(id -> !recorder().events(id).isEmpty()));
        assertThat(recorder().deadLetters(tripId.toString())).isEmpty();
        for (UUID bookingId : bookingIds) {
            assertThat(recorder().distinctEvents(bookingId)).hasSize(1);
        }
        assertThat(liveSeats(tripId)).hasSize(4);
    }

    @Test
    void aPartitionAdvancedByAnotherProcessorIsReloadedRatherThanOverwritten() {
        UUID tripId = createTrip(1, "AB", FAR_FUTURE);
        BookingRequested first = request(tripId, 1, List.of("9Z"));
        RecordMetadata firstRecord = send(first);
        eventually().until(() -> !recorder().events(first.bookingId()).isEmpty());
        // This processor now holds the trip in memory, the seat free, the partition at firstRecord.offset() + 1.
        // Another processor (the partition's owner for a while) decides the next record: it books 1A.
        BookingRequested elsewhere = request(tripId, 1, List.of("1A"));
        UUID decidedElsewhere = elsewhere.bookingId();
        recordConfirmed(decidedElsewhere, tripId, "1A");
        truth.update(
                "update booking.consumer_offsets set next_offset = ? where topic = ? and partition = ?",
                firstRecord.offset() + 2,
                firstRecord.topic(),
                firstRecord.partition());

        RecordMetadata elsewhereRecord = send(elsewhere);
        BookingRequested sameSeat = request(tripId, 1, List.of("1A"));
        send(sameSeat);

        assertThat(elsewhereRecord.offset()).isEqualTo(firstRecord.offset() + 1);
        eventually().until(() -> !recorder().events(sameSeat.bookingId()).isEmpty());
        assertThat(recorder().events(sameSeat.bookingId()).getFirst())
                .isInstanceOfSatisfying(
                        BookingRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.SEAT_UNAVAILABLE));
        assertThat(recorder().events(decidedElsewhere))
                .as("decided by the other processor, not here")
                .isEmpty();
        assertThat(liveSeats(tripId)).containsExactly("1A");
        assertThat(truth.queryForObject(
                        "select next_offset from booking.consumer_offsets where topic = ? and partition = ?",
                        Long.class,
                        firstRecord.topic(),
                        firstRecord.partition()))
                .isEqualTo(firstRecord.offset() + 3);
    }

    /** What a crash between a batch's commit and its publish leaves: a decision in Postgres, its event in the outbox. */
    private static UUID committedButNeverPublished(UUID tripId, UUID eventId, String seat) {
        UUID bookingId = UUID.randomUUID();
        recordConfirmed(bookingId, tripId, seat);
        Instant now = Instant.now();
        BookingEvent event = new BookingConfirmed(
                eventId,
                bookingId,
                1,
                new TripSummary(tripId, "FM1", "LHR", "JFK", FAR_FUTURE),
                List.of(new Passenger("Ada")),
                List.of(seat),
                null,
                null,
                now,
                null);
        truth.update("""
                insert into booking.outbox (event_id, booking_id, kafka_partition, event_type, payload, created_at)
                values (?, ?, 0, 'BookingConfirmed', ?, ?)
                """, eventId, bookingId, BookingJson.write(event), Timestamp.from(now.minusSeconds(60)));
        return bookingId;
    }

    /** A confirmed booking holding one seat, as a committed batch leaves it. */
    private static void recordConfirmed(UUID bookingId, UUID tripId, String seat) {
        Instant now = Instant.now();
        truth.update("""
                insert into booking.bookings (id, trip_id, status, seats, passengers, requested_at, decided_at)
                values (?, ?, 'CONFIRMED', ?::text[], '[{"name":"Ada"}]', ?, ?)
                """, bookingId, tripId, "{" + seat + "}", Timestamp.from(now), Timestamp.from(now));
        truth.update(
                "insert into booking.booking_seats (trip_id, seat, booking_id) values (?, ?, ?)",
                tripId,
                seat,
                bookingId);
    }

    private static int outboxRows(UUID eventId) {
        Integer rows =
                truth.queryForObject("select count(*) from booking.outbox where event_id = ?", Integer.class, eventId);
        return rows == null ? 0 : rows;
    }
}
