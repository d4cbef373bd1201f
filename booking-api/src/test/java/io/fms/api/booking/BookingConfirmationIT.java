package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.CommandTopic;
import io.fms.api.Http;
import io.fms.api.SharedApiContext;
import io.fms.api.TestViews;
import io.fms.events.BookingConfirmationRequested;
import io.fms.events.BookingStatus;
import io.fms.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/bookings/{id}/confirmation}: what is queued, what is answered at once, what is refused. */
class BookingConfirmationIT extends SharedApiContext {

    @Test
    void confirmingAHeldBookingQueuesThePaymentOnTheTripsPartitionBehindTheBooking() {
        UUID tripId = createTrip();
        UUID bookingId = UUID.fromString(http.postJson("/api/v1/bookings", """
                        {"tripId": "%s", "passengers": [{"name": "Ada Lovelace"}], "seats": ["4C"],
                         "hold": {"seconds": 600}}""".formatted(tripId))
                .assertStatus(202)
                .json()
                .get("bookingId")
                .asString());
        Instant deadline = Instant.now().plusSeconds(600);
        TestViews.write(redis, TestViews.held(bookingId, tripId, List.of("4C"), deadline));

        Http.Response response = confirm(bookingId, "psp_8842");

        response.assertStatus(202);
        assertThat(response.header("Location")).isEqualTo("/api/v1/bookings/" + bookingId);
        JsonNode booking = response.json();
        assertThat(booking.get("status").asString()).isEqualTo("HELD");
        assertThat(Instant.parse(booking.get("holdExpiresAt").asString())).isEqualTo(deadline);
        assertThat(booking.has("commandOffset")).isFalse();
        List<ConsumerRecord<String, byte[]>> records = CommandTopic.recordsOf(bookingId);
        assertThat(records).hasSize(2);
        ConsumerRecord<String, byte[]> confirmation = records.get(1);
        assertThat(confirmation.key()).isEqualTo(tripId.toString());
        assertThat(confirmation.partition()).isEqualTo(records.get(0).partition());
        assertThat(confirmation.offset()).isGreaterThan(records.get(0).offset());
        assertThat(new String(
                        confirmation.headers().lastHeader(Topics.HEADER_TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("BookingConfirmationRequested");
        assertThat(CommandTopic.command(confirmation))
                .isInstanceOfSatisfying(BookingConfirmationRequested.class, command -> {
                    assertThat(command.bookingId()).isEqualTo(bookingId);
                    assertThat(command.tripId()).isEqualTo(tripId);
                    assertThat(command.paymentReference()).isEqualTo("psp_8842");
                });
    }

    @Test
    void aPendingBookingsConfirmationIsQueuedToo() {
        UUID tripId = createTrip();
        UUID bookingId = bookOneSeat(tripId);

        confirm(bookingId, "psp_1").assertStatus(202);

        assertThat(CommandTopic.recordsOf(bookingId))
                .extracting(CommandTopic::command)
                .last()
                .isInstanceOf(BookingConfirmationRequested.class);
    }

    @Test
    void aRepeatOnceConfirmedWithTheSameReferenceAnswersTheBookingAndQueuesNothing() {
        UUID bookingId = UUID.randomUUID();
        TestViews.write(redis, TestViews.paid(bookingId, UUID.randomUUID(), List.of("1A"), "psp_8842"));

        Http.Response response = confirm(bookingId, "psp_8842");

        response.assertStatus(200);
        assertThat(response.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(response.json().get("paymentReference").asString()).isEqualTo("psp_8842");
        assertThat(CommandTopic.recordsOf(bookingId)).isEmpty();
    }

    @Test
    void aBookingKnownNotToBeHeldIsNotConfirmableAndNothingIsQueued() {
        UUID paidOtherwise = UUID.randomUUID();
        TestViews.write(redis, TestViews.paid(paidOtherwise, UUID.randomUUID(), List.of("1A"), "psp_other"));
        assertThat(confirm(paidOtherwise, "psp_8842")
                        .assertProblem(409, "not-confirmable")
                        .get("detail")
                        .asString())
                .contains("another payment reference");
        assertThat(CommandTopic.recordsOf(paidOtherwise)).isEmpty();

        for (BookingStatus status : List.of(
                BookingStatus.CONFIRMED,
                BookingStatus.WAITLISTED,
                BookingStatus.REJECTED,
                BookingStatus.EXPIRED,
                BookingStatus.CANCELLED)) {
            UUID bookingId = UUID.randomUUID();
            TestViews.write(redis, TestViews.decided(bookingId, UUID.randomUUID(), status));

            confirm(bookingId, "psp_8842").assertProblem(409, "not-confirmable");

            assertThat(CommandTopic.recordsOf(bookingId)).as("%s", status).isEmpty();
        }
    }

    @Test
    void aQueuedBookingRedisForgotCannotBeConfirmedYetAndSaysSo() {
        createProcessorTables();
        UUID bookingId = bookOneSeat(createTrip());
        // Its trip, and so the partition the confirmation must follow it on, is now known only to the log.
        redis.delete(io.fms.events.ReadModelKeys.booking(bookingId));

        Http.Response response = confirm(bookingId, "psp_8842");

        response.assertProblem(503, "unavailable");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(CommandTopic.recordsOf(bookingId)).hasSize(1);
    }

    @Test
    void unknownBookingsAreNotFound() {
        confirm(UUID.randomUUID(), "psp_8842").assertProblem(404, "not-found");
        http.postJson("/api/v1/bookings/not-an-id/confirmation", "{\"paymentReference\": \"psp_1\"}")
                .assertProblem(404, "not-found");
    }

    @Test
    void theReferenceIsValidatedBeforeAnythingIsLookedUpOrQueued() {
        UUID bookingId = UUID.randomUUID();
        TestViews.write(redis, TestViews.held(bookingId, UUID.randomUUID(), List.of("1A"), Instant.now()));
        int records = CommandTopic.count();

        for (String body : List.of(
                "{}",
                "{\"paymentReference\": null}",
                "{\"paymentReference\": \"\"}",
                "{\"paymentReference\": \"" + "p".repeat(101) + "\"}",
                "{\"paymentReference\": \"psp\\n8842\"}",
                "{\"paymentReference\": \"psp\\u00008842\"}",
                "{\"paymentReference\": \"psp\\ud800\"}",
                "{\"paymentReference\": 8842}",
                "{\"paymentReference\": [\"psp_8842\"]}")) {
            assertThat(http.postJson("/api/v1/bookings/" + bookingId + "/confirmation", body)
                            .invalidFields())
                    .as(body)
                    .containsExactly("paymentReference");
        }
        assertThat(http.postJson(
                                "/api/v1/bookings/" + bookingId + "/confirmation",
                                "{\"paymentReference\": \"psp_1\", \"amount\": 10}")
                        .invalidFields())
                .containsExactly("amount");
        http.postJson("/api/v1/bookings/" + bookingId + "/confirmation", "{\"paymentReference\": ")
                .assertProblem(400, "malformed-request");
        http.postJson("/api/v1/bookings/" + bookingId + "/confirmation", "").assertProblem(400, "malformed-request");
        http.send(http.request("/api/v1/bookings/" + bookingId + "/confirmation")
                        .header("Content-Type", "text/plain")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("psp_8842")))
                .assertProblem(415, "unsupported-media-type");
        http.postJson(
                        "/api/v1/bookings/" + bookingId + "/confirmation",
                        "{\"paymentReference\": \"" + "p".repeat(20_000) + "\"}")
                .assertProblem(413, "payload-too-large");
        // Invalid and unknown: the body is named first, as for a booking request.
        assertThat(http.postJson("/api/v1/bookings/" + UUID.randomUUID() + "/confirmation", "{}")
                        .invalidFields())
                .containsExactly("paymentReference");

        assertThat(CommandTopic.count()).isEqualTo(records);
        // The bounds themselves are fine: 100 printable characters, spaces and non-ASCII included.
        confirm(bookingId, "p".repeat(100)).assertStatus(202);
        confirm(bookingId, "Zahlung 42 · €").assertStatus(202);
        confirm(bookingId, "x").assertStatus(202);
    }

    private Http.Response confirm(UUID bookingId, String paymentReference) {
        return http.postJson(
                "/api/v1/bookings/" + bookingId + "/confirmation",
                "{\"paymentReference\": \"" + paymentReference + "\"}");
    }
}
