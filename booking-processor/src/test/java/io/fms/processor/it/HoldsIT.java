package io.fms.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingConfirmationRequested;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingExpired;
import io.fms.events.BookingHeld;
import io.fms.events.BookingJson;
import io.fms.events.BookingRequested;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.BookingWaitlisted;
import io.fms.events.Hold;
import io.fms.events.PartitionProgress;
import io.fms.events.ReadModelKeys;
import io.fms.processor.TestCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

/**
 * Holds, payments, expiry and the waitlist through the real processor: commands on the real broker (whose log-append
 * time is "now"), decisions in Postgres, views in Redis, events on the events topic. One trip per scenario; the
 * scenarios share the shortest hold there is (30 s), so the expiries are waited for once.
 */
class HoldsIT extends ProcessorITBase {

    private static final Hold SHORTEST = new Hold(Hold.SECONDS_MIN);

    @Test
    void holdsArePaidInTimeOrExpireOnAQuietTripAndFreeSeatsGoToTheWaitingParty() {
        UUID paidTrip = createTrip(1, "AB", FAR_FUTURE);
        UUID quietTrip = createTrip(1, "A", FAR_FUTURE);
        BookingRequested paid = held(paidTrip, 2);
        BookingRequested expiring = held(quietTrip, 1);
        BookingRequested waiting =
                TestCommands.on(quietTrip).passenger("Grace").waitlist().build();
        send(paid);
        send(expiring);
        send(waiting);
        eventually()
                .until(() -> status(paid) == BookingStatus.HELD
                        && status(expiring) == BookingStatus.HELD
                        && status(waiting) == BookingStatus.WAITLISTED);
        BookingView held = view(expiring.bookingId());
        assertThat(held.holdExpiresAt()).isAfter(held.decidedAt());
        assertThat(Duration.between(held.decidedAt(), held.holdExpiresAt())).isEqualTo(Duration.ofSeconds(30));
        assertThat(liveSeats(quietTrip)).containsExactly("1A");
        assertThat(waitlistRank(quietTrip, waiting.bookingId())).isZero();

        // Paid well before the deadline: confirmed with its reference; a repeat changes nothing.
        send(new BookingConfirmationRequested(paid.bookingId(), paidTrip, "psp_8842", Instant.now()));
        eventually().until(() -> status(paid) == BookingStatus.CONFIRMED);
        assertThat(view(paid.bookingId()).paymentReference()).isEqualTo("psp_8842");
        send(new BookingConfirmationRequested(paid.bookingId(), paidTrip, "psp_8842", Instant.now()));

        // Nothing else happens on the quiet trip: the ticks its owner appends let the deadline pass all the same.
        Instant deadline = held.holdExpiresAt();
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> status(expiring) == BookingStatus.EXPIRED);
        Instant seenExpired = Instant.now();
        assertThat(Duration.between(deadline, seenExpired)).isLessThan(Duration.ofSeconds(2));
        eventually().until(() -> status(waiting) == BookingStatus.CONFIRMED);
        assertThat(view(waiting.bookingId()).seats()).containsExactly("1A");
        assertThat(liveSeats(quietTrip)).containsExactly("1A");
        assertThat(waitlistRank(quietTrip, waiting.bookingId())).isNull();

        // A payment for the expired hold is recorded, so the client knows to refund it; the seats stay sold.
        send(new BookingConfirmationRequested(expiring.bookingId(), quietTrip, "psp_late", Instant.now()));
        eventually().until(() -> view(expiring.bookingId()).lateConfirmation() != null);
        BookingView late = view(expiring.bookingId());
        assertThat(late.status()).isEqualTo(BookingStatus.EXPIRED);
        assertThat(late.lateConfirmation().paymentReference()).isEqualTo("psp_late");
        assertThat(late.lateConfirmation().at()).isAfter(deadline);

        assertThat(types(paid.bookingId())).containsExactly("BookingHeld", "BookingConfirmed");
        BookingConfirmed confirmed =
                (BookingConfirmed) recorder().events(paid.bookingId()).get(1);
        assertThat(confirmed.paymentReference()).isEqualTo("psp_8842");
        assertThat(confirmed.sequence()).isEqualTo(2);
        assertThat(types(expiring.bookingId())).containsExactly("BookingHeld", "BookingExpired");
        assertThat(((BookingExpired) recorder().events(expiring.bookingId()).get(1)).releasedSeats())
                .containsExactly("1A");
        assertThat(((BookingHeld) recorder().events(expiring.bookingId()).getFirst()).holdExpiresAt())
                .isEqualTo(deadline);
        assertThat(types(waiting.bookingId())).containsExactly("BookingWaitlisted", "BookingConfirmed");
        assertThat(((BookingWaitlisted) recorder().events(waiting.bookingId()).getFirst()).waitlistPosition())
                .isEqualTo(1);
        assertThat(bookingRow(expiring.bookingId()).get("late_payment_reference"))
                .isEqualTo("psp_late");
        assertThat(bookingRow(paid.bookingId()).get("event_sequence")).isEqualTo(2);
    }

    @Test
    void holdsWhoseDeadlinesPassWhileNoOneOwnsThePartitionEndOnceWhenItIsTakenAgain() {
        UUID tripId = createTrip(2, "AB", FAR_FUTURE);
        List<BookingRequested> holds = List.of(held(tripId, 1), held(tripId, 2), held(tripId, 1));
        holds.forEach(ProcessorITBase::send);
        eventually().until(() -> holds.stream().allMatch(hold -> status(hold) == BookingStatus.HELD));
        Instant lastDeadline = holds.stream()
                .map(hold -> view(hold.bookingId()).holdExpiresAt())
                .max(Instant::compareTo)
                .orElseThrow();
        // The partition leaves this instance (as in a rebalance to another one) with the holds live, and comes
        // back after their deadlines: the owner that takes it reloads the holds from Postgres and ends each once.
        commandListener().stop();
        try {
            await().atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> Instant.now().isAfter(lastDeadline.plusSeconds(1)));
        } finally {
            commandListener().start();
        }
        eventually().until(() -> holds.stream().allMatch(hold -> status(hold) == BookingStatus.EXPIRED));
        for (BookingRequested hold : holds) {
            eventually().until(() -> recorder().events(hold.bookingId()).size() >= 2);
            assertThat(types(hold.bookingId())).containsExactly("BookingHeld", "BookingExpired");
            assertThat(bookingRow(hold.bookingId()).get("event_sequence")).isEqualTo(2);
        }
        assertThat(liveSeats(tripId)).isEmpty();
    }

    @Test
    void aQueuedCommandSeesThePartitionsProgress() {
        UUID tripId = createTrip(1, "A", FAR_FUTURE);
        RecordMetadata sent = send(request(tripId, 1, List.of()));
        eventually().until(() -> {
            String json = redis.opsForValue().get(ReadModelKeys.partitionProgress(sent.partition()));
            return json != null
                    && BookingJson.readPlain(json.getBytes(StandardCharsets.UTF_8), PartitionProgress.class)
                                    .nextOffset()
                            > sent.offset();
        });
        PartitionProgress progress = BookingJson.readPlain(
                redis.opsForValue()
                        .get(ReadModelKeys.partitionProgress(sent.partition()))
                        .getBytes(StandardCharsets.UTF_8),
                PartitionProgress.class);
        assertThat(progress.placeOf(sent.offset()).position()).isZero();
        assertThat(progress.placeOf(progress.nextOffset() + 5).position()).isEqualTo(5);
    }

    private static BookingRequested held(UUID tripId, int passengers) {
        return TestCommands.on(tripId)
                .passengers(request(tripId, passengers, List.of()).passengers())
                .contact(TestCommands.CONTACT_EMAIL, TestCommands.CALLBACK_URL)
                .hold(SHORTEST.seconds())
                .build();
    }

    private BookingStatus status(BookingRequested request) {
        return status(request.bookingId());
    }

    private static List<String> types(UUID bookingId) {
        return recorder().events(bookingId).stream()
                .map(BookingEvent::getClass)
                .map(Class::getSimpleName)
                .toList();
    }

    private static ConditionFactory await() {
        return Awaitility.await();
    }
}
