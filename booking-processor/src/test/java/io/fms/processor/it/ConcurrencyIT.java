package io.fms.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingRejected;
import io.fms.events.BookingRequested;
import io.fms.events.RejectionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;

class ConcurrencyIT extends ProcessorITBase {

    private static final int REQUESTS = 300;
    private static final int SENDERS = 6;

    @Autowired
    ConsumerFactory<?, ?> consumers;

    @Test
    void theCommandConsumerPollsAtMostOneBatch() {
        // ProcessorITBase sets fms.processor.batch-size-max=100: the consumers must be built with it.
        assertThat(consumers.getConfigurationProperties()).containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    }

    @Test
    void threeHundredConcurrentRequestsForTwentySeatsSellEachSeatOnce() throws Exception {
        UUID tripId = createTrip(4, "ABCDE", FAR_FUTURE);
        List<BookingRequested> requests = new ArrayList<>();
        for (int index = 0; index < REQUESTS; index++) {
            requests.add(request(tripId, 1, List.of()));
        }
        try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int sender = 0; sender < SENDERS; sender++) {
                List<BookingRequested> share =
                        requests.subList(sender * REQUESTS / SENDERS, (sender + 1) * REQUESTS / SENDERS);
                sent.add(senders.submit(() -> share.forEach(ProcessorITBase::send)));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
        List<UUID> bookingIds =
                requests.stream().map(BookingRequested::bookingId).toList();

        eventually()
                .until(() -> decidedCount(bookingIds) == REQUESTS
                        && bookingIds.stream()
                                .allMatch(id -> !recorder().events(id).isEmpty()));

        assertThat(liveSeats(tripId)).hasSize(20).doesNotHaveDuplicates();
        assertThat(truth.queryForObject(
                        "select count(*) from booking.bookings where trip_id = ? and status = 'CONFIRMED'",
                        Integer.class,
                        tripId))
                .isEqualTo(20);
        List<String> soldInEvents = new ArrayList<>();
        int soldOut = 0;
        for (UUID bookingId : bookingIds) {
            List<BookingEvent> events = recorder().distinctEvents(bookingId);
            assertThat(events).as("events of %s", bookingId).hasSize(1);
            switch (events.getFirst()) {
                case BookingConfirmed confirmed -> soldInEvents.addAll(confirmed.seats());
                case BookingRejected rejected -> {
                    assertThat(rejected.reason()).isEqualTo(RejectionReason.SOLD_OUT);
                    soldOut++;
                }
                default -> throw new AssertionError("unexpected " + events.getFirst());
            }
        }
        assertThat(soldInEvents)
                .hasSize(20)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(liveSeats(tripId));
        assertThat(soldOut).isEqualTo(REQUESTS - 20);
    }
}
