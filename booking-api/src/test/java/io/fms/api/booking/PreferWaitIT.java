package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.api.Http;
import io.fms.api.SharedApiContext;
import io.fms.events.BookingStatus;
import io.fms.events.ReadModelKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code Prefer: wait=N} (RFC 7240) on a booking read: the standard spelling of {@code waitSeconds}. */
class PreferWaitIT extends SharedApiContext {

    @Autowired
    DecisionWaiters waiters;

    @Test
    void aPreferredWaitAnswersAsSoonAsTheDecisionIsAnnounced() {
        UUID bookingId = bookOneSeat(createTrip());
        CompletableFuture<Http.Response> poll = CompletableFuture.supplyAsync(() -> read(bookingId, "wait=25"));
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters.waiting() > 0);
        assertThat(poll).isNotDone();

        Instant decided = Instant.now();
        BookingStatusIT.writeDecision(redis, bookingId, BookingStatus.CONFIRMED);
        redis.convertAndSend(ReadModelKeys.DECISIONS_CHANNEL, bookingId.toString());

        Http.Response answer = poll.orTimeout(10, TimeUnit.SECONDS).join().assertStatus(200);
        assertThat(Duration.between(decided, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(answer.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(answer.header("Preference-Applied")).isEqualTo("wait=25");
        assertThat(answer.header("Vary")).isEqualTo("Prefer");
    }

    @Test
    void aPreferredWaitAnswersPendingWhenItsTimeIsUp() {
        UUID bookingId = bookOneSeat(createTrip());
        Instant start = Instant.now();

        Http.Response answer = read(bookingId, "respond-async, WAIT=\"1\"").assertStatus(200);

        assertThat(answer.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        assertThat(answer.header("Preference-Applied")).isEqualTo("wait=1");
    }

    @Test
    void thePreferredWaitHasTheBoundOfWaitSeconds() {
        UUID bookingId = bookOneSeat(createTrip());

        for (String bad : new String[] {"wait=31", "wait=-1", "wait=soon", "wait=1.5", "wait", "wait=99999999999"}) {
            assertThat(read(bookingId, bad).invalidFields()).as(bad).containsExactly("Prefer");
        }
        Http.Response zero = read(bookingId, "wait=0").assertStatus(200);
        assertThat(zero.header("Preference-Applied")).isEqualTo("wait=0");
        assertThat(read(bookingId, "wait=30").assertStatus(200).header("Preference-Applied"))
                .isEqualTo("wait=30");
    }

    @Test
    void otherPreferencesAreIgnoredAndAnswerAtOnce() {
        UUID bookingId = bookOneSeat(createTrip());
        Instant start = Instant.now();

        Http.Response answer = read(bookingId, "return=minimal").assertStatus(200);

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
        assertThat(answer.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(answer.header("Preference-Applied")).isNull();
    }

    @Test
    void waitSecondsCountsWhenBothAreGiven() {
        UUID bookingId = bookOneSeat(createTrip());
        Instant start = Instant.now();

        Http.Response answer = http.send(http.request("/api/v1/bookings/" + bookingId + "?waitSeconds=0")
                        .header("Prefer", "wait=20")
                        .GET())
                .assertStatus(200);

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
        assertThat(answer.header("Preference-Applied")).isNull();
    }

    @Test
    void anUnknownBookingIsNotFoundWhateverThePreference() {
        read(UUID.randomUUID(), "wait=5").assertProblem(404, "not-found");
    }

    private Http.Response read(UUID bookingId, String prefer) {
        return http.send(http.request("/api/v1/bookings/" + bookingId)
                .header("Prefer", prefer)
                .GET());
    }
}
