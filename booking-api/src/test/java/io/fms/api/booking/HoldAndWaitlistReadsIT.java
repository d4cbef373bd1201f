package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.api.Http;
import io.fms.api.SharedApiContext;
import io.fms.api.TestViews;
import io.fms.events.BookingStatus;
import io.fms.events.ReadModelKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Reads of held, paid, expired and waiting bookings, from Redis and from Postgres, and polls that wait them out. */
class HoldAndWaitlistReadsIT extends SharedApiContext {

    @Autowired
    DecisionWaiters waiters;

    @Test
    void whileNamesAStatusThatChangesOnItsOwn() {
        UUID bookingId = UUID.randomUUID();
        TestViews.write(redis, TestViews.decided(bookingId, UUID.randomUUID(), BookingStatus.CONFIRMED));

        for (String status : List.of("CONFIRMED", "REJECTED", "EXPIRED", "CANCELLED", "held", "", "SOON")) {
            assertThat(http.get("/api/v1/bookings/" + bookingId + "?waitSeconds=1&while=" + status)
                            .invalidFields())
                    .as("while=%s", status)
                    .containsExactly("while");
            assertThat(http.get("/api/v1/bookings/" + bookingId + "?while=" + status)
                            .invalidFields())
                    .as("while=%s without waitSeconds", status)
                    .containsExactly("while");
        }
        for (String status : List.of("PENDING", "HELD", "WAITLISTED")) {
            http.get("/api/v1/bookings/" + bookingId + "?waitSeconds=1&while=" + status)
                    .assertStatus(200);
        }
    }

    @Test
    void aPollWhileHeldAnswersAsSoonAsThePaymentIsDecided() {
        UUID tripId = UUID.randomUUID();
        UUID bookingId = UUID.randomUUID();
        TestViews.write(
                redis,
                TestViews.held(bookingId, tripId, List.of("2B"), Instant.now().plusSeconds(600)));
        // Waiting while PENDING, a HELD booking is answered at once: it is decided.
        Instant start = Instant.now();
        assertThat(http.get("/api/v1/bookings/" + bookingId + "?waitSeconds=20")
                        .assertStatus(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("HELD");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));

        CompletableFuture<Http.Response> poll =
                http.getAsync("/api/v1/bookings/" + bookingId + "?waitSeconds=25&while=HELD");
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters.waiting() > 0);
        assertThat(poll).isNotDone();

        Instant paid = Instant.now();
        TestViews.write(redis, TestViews.paid(bookingId, tripId, List.of("2B"), "psp_8842"));
        redis.convertAndSend(ReadModelKeys.DECISIONS_CHANNEL, bookingId.toString());

        JsonNode booking =
                poll.orTimeout(10, TimeUnit.SECONDS).join().assertStatus(200).json();
        assertThat(Duration.between(paid, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(booking.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(booking.get("paymentReference").asString()).isEqualTo("psp_8842");
    }

    @Test
    void aPollWhileWaitlistedAnswersWithTheWaitlistPlaceWhenItsTimeIsUp() {
        UUID tripId = UUID.randomUUID();
        UUID bookingId = waitlisted(tripId);
        String waitlist = ReadModelKeys.waitlist(tripId);
        redis.opsForZSet().add(waitlist, UUID.randomUUID().toString(), 10);
        redis.opsForZSet().add(waitlist, bookingId.toString(), 20);
        try {
            Instant start = Instant.now();

            JsonNode booking = http.get("/api/v1/bookings/" + bookingId + "?waitSeconds=1&while=WAITLISTED")
                    .assertStatus(200)
                    .json();

            assertThat(Duration.between(start, Instant.now())).isGreaterThan(Duration.ofMillis(900));
            assertThat(booking.get("status").asString()).isEqualTo("WAITLISTED");
            assertThat(booking.get("waitlistPosition").asInt()).isEqualTo(2);
        } finally {
            redis.delete(waitlist);
        }
    }

    @Test
    void aWaitingPartysPlaceIsItsRankOnTheTripsWaitlist() {
        UUID tripId = UUID.randomUUID();
        UUID bookingId = waitlisted(tripId);
        String waitlist = ReadModelKeys.waitlist(tripId);
        try {
            redis.opsForZSet().add(waitlist, bookingId.toString(), 500);
            redis.opsForZSet().add(waitlist, UUID.randomUUID().toString(), 900);
            assertThat(waitlistPosition(bookingId)).isEqualTo(1);

            redis.opsForZSet().add(waitlist, UUID.randomUUID().toString(), 100);
            redis.opsForZSet().add(waitlist, UUID.randomUUID().toString(), 200);
            assertThat(waitlistPosition(bookingId)).isEqualTo(3);
        } finally {
            redis.delete(waitlist);
        }
        // A booking that waits no longer has no place.
        UUID confirmed = UUID.randomUUID();
        TestViews.write(redis, TestViews.decided(confirmed, tripId, BookingStatus.CONFIRMED));
        assertThat(http.get("/api/v1/bookings/" + confirmed)
                        .json()
                        .get("waitlistPosition")
                        .isNull())
                .isTrue();
    }

    @Test
    void withoutTheWaitlistInRedisThePlaceIsCountedInPostgres() {
        createProcessorTables();
        UUID tripId = UUID.randomUUID();
        UUID otherTrip = UUID.randomUUID();
        UUID first = waitingRow(tripId, 100, "WAITLISTED");
        UUID seated = waitingRow(tripId, 150, "CONFIRMED");
        waitingRow(otherTrip, 10, "WAITLISTED");
        UUID second = waitingRow(tripId, 200, "WAITLISTED");
        UUID third = waitingRow(tripId, 300, "WAITLISTED");

        assertThat(waitlistPosition(first)).isEqualTo(1);
        assertThat(waitlistPosition(second)).isEqualTo(2);
        assertThat(waitlistPosition(third)).isEqualTo(3);
        assertThat(http.get("/api/v1/bookings/" + seated)
                        .json()
                        .get("waitlistPosition")
                        .isNull())
                .isTrue();
        // Redis's entry (the processor's latest word) and Postgres's count agree on the place.
        TestViews.write(redis, TestViews.decided(third, tripId, BookingStatus.WAITLISTED));
        assertThat(waitlistPosition(third)).isEqualTo(3);
    }

    @Test
    void heldPaidAndLatePaidBookingsAreReadFromPostgresWithTheirDeadlineAndPayment() {
        createProcessorTables();
        UUID tripId = UUID.randomUUID();
        Instant deadline = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Instant lateAt = deadline.plusSeconds(3);

        UUID held = row(tripId, "HELD", deadline, null, null, null);
        UUID paid = row(tripId, "CONFIRMED", deadline, "psp_8842", null, null);
        UUID late = row(tripId, "EXPIRED", deadline, null, "psp_9001", lateAt);

        JsonNode heldView =
                http.get("/api/v1/bookings/" + held).assertStatus(200).json();
        assertThat(heldView.get("status").asString()).isEqualTo("HELD");
        assertThat(Instant.parse(heldView.get("holdExpiresAt").asString())).isEqualTo(deadline);
        assertThat(heldView.get("paymentReference").isNull()).isTrue();
        assertThat(heldView.get("queue").isNull()).isTrue();
        assertThat(heldView.has("commandOffset")).isFalse();

        JsonNode paidView =
                http.get("/api/v1/bookings/" + paid).assertStatus(200).json();
        assertThat(paidView.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(paidView.get("paymentReference").asString()).isEqualTo("psp_8842");
        assertThat(paidView.get("lateConfirmation").isNull()).isTrue();

        JsonNode lateView =
                http.get("/api/v1/bookings/" + late).assertStatus(200).json();
        assertThat(lateView.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(lateView.get("lateConfirmation").get("paymentReference").asString())
                .isEqualTo("psp_9001");
        assertThat(Instant.parse(lateView.get("lateConfirmation").get("at").asString()))
                .isEqualTo(lateAt);
    }

    private Integer waitlistPosition(UUID bookingId) {
        JsonNode booking =
                http.get("/api/v1/bookings/" + bookingId).assertStatus(200).json();
        assertThat(booking.get("status").asString()).isEqualTo("WAITLISTED");
        return booking.get("waitlistPosition").isNull()
                ? null
                : booking.get("waitlistPosition").asInt();
    }

    private UUID waitingRow(UUID tripId, long waitlistOrder, String status) {
        UUID bookingId = UUID.randomUUID();
        jdbc.sql("insert into booking.bookings (id, trip_id, status, passengers, requested_at, decided_at, waitlist,"
                        + " waitlist_order) values (?, ?, ?, cast(? as jsonb), now(), now(), true, ?)")
                .params(bookingId, tripId, status, "[{\"name\": \"Ada Lovelace\"}]", waitlistOrder)
                .update();
        return bookingId;
    }

    private UUID row(
            UUID tripId,
            String status,
            Instant holdExpiresAt,
            String paymentReference,
            String latePaymentReference,
            Instant lateConfirmationAt) {
        UUID bookingId = UUID.randomUUID();
        jdbc.sql("insert into booking.bookings (id, trip_id, status, seats, passengers, requested_at, decided_at,"
                        + " hold_seconds, hold_expires_at, payment_reference, late_payment_reference,"
                        + " late_confirmation_at) values (?, ?, ?, '{5A}', cast(? as jsonb), now(), now(), 600, ?, ?,"
                        + " ?, ?)")
                .params(
                        bookingId,
                        tripId,
                        status,
                        "[{\"name\": \"Ada Lovelace\"}]",
                        java.sql.Timestamp.from(holdExpiresAt),
                        paymentReference,
                        latePaymentReference,
                        lateConfirmationAt == null ? null : java.sql.Timestamp.from(lateConfirmationAt))
                .update();
        return bookingId;
    }

    /** A WAITLISTED booking of {@code tripId} in the read model; its place is read from the trip's waitlist. */
    private UUID waitlisted(UUID tripId) {
        UUID bookingId = UUID.randomUUID();
        TestViews.write(redis, TestViews.decided(bookingId, tripId, BookingStatus.WAITLISTED));
        return bookingId;
    }
}
