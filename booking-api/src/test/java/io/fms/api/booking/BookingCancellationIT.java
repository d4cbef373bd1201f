package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.CommandTopic;
import io.fms.api.Http;
import io.fms.api.SharedApiContext;
import io.fms.api.TestViews;
import io.fms.events.BookingCancellationRequested;
import io.fms.events.BookingStatus;
import io.fms.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class BookingCancellationIT extends SharedApiContext {

    @Test
    void cancellingQueuesTheCancellationOnTheTripsPartitionBehindTheBooking() {
        UUID tripId = createTrip();
        UUID bookingId = bookOneSeat(tripId);

        Http.Response response = http.delete("/api/v1/bookings/" + bookingId);

        response.assertStatus(202);
        assertThat(response.header("Location")).isEqualTo("/api/v1/bookings/" + bookingId);
        assertThat(response.json().get("bookingId").asString()).isEqualTo(bookingId.toString());
        List<ConsumerRecord<String, byte[]>> records = CommandTopic.recordsOf(bookingId);
        assertThat(records).hasSize(2);
        ConsumerRecord<String, byte[]> booking = records.get(0);
        ConsumerRecord<String, byte[]> cancellation = records.get(1);
        assertThat(cancellation.key()).isEqualTo(tripId.toString());
        assertThat(cancellation.partition()).isEqualTo(booking.partition());
        assertThat(cancellation.offset()).isGreaterThan(booking.offset());
        assertThat(new String(
                        cancellation.headers().lastHeader(Topics.HEADER_TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("BookingCancellationRequested");
        assertThat(CommandTopic.command(cancellation))
                .isInstanceOfSatisfying(
                        BookingCancellationRequested.class,
                        command -> assertThat(command.tripId()).isEqualTo(tripId));
    }

    @Test
    void cancellingAHeldOrWaitlistedBookingQueuesTheCancellation() {
        for (BookingStatus status : List.of(BookingStatus.HELD, BookingStatus.WAITLISTED)) {
            UUID tripId = UUID.randomUUID();
            UUID bookingId = UUID.randomUUID();
            TestViews.write(redis, TestViews.decided(bookingId, tripId, status));

            Http.Response response = http.delete("/api/v1/bookings/" + bookingId);

            response.assertStatus(202);
            assertThat(response.json().get("status").asString()).isEqualTo(status.name());
            List<ConsumerRecord<String, byte[]>> records = CommandTopic.recordsOf(bookingId);
            assertThat(records).as("%s", status).hasSize(1);
            assertThat(records.getFirst().key()).isEqualTo(tripId.toString());
            assertThat(CommandTopic.command(records.getFirst())).isInstanceOf(BookingCancellationRequested.class);
        }
    }

    @Test
    void anExpiredBookingHasNothingToCancel() {
        UUID bookingId = decided(BookingStatus.EXPIRED);

        http.delete("/api/v1/bookings/" + bookingId).assertProblem(409, "not-cancellable");

        assertThat(CommandTopic.recordsOf(bookingId)).isEmpty();
    }

    @Test
    void aRejectedBookingHasNothingToCancel() {
        UUID bookingId = decided(BookingStatus.REJECTED);

        http.delete("/api/v1/bookings/" + bookingId).assertProblem(409, "not-cancellable");

        assertThat(CommandTopic.recordsOf(bookingId)).isEmpty();
    }

    @Test
    void cancellingACancelledBookingAnswersItAgain() {
        UUID bookingId = decided(BookingStatus.CANCELLED);

        Http.Response response = http.delete("/api/v1/bookings/" + bookingId);

        response.assertStatus(202);
        assertThat(response.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(CommandTopic.recordsOf(bookingId)).isEmpty();
    }

    @Test
    void unknownBookingsCannotBeCancelled() {
        http.delete("/api/v1/bookings/" + UUID.randomUUID()).assertProblem(404, "not-found");
    }

    private UUID decided(BookingStatus status) {
        UUID bookingId = UUID.randomUUID();
        TestViews.write(redis, TestViews.decided(bookingId, UUID.randomUUID(), status));
        return bookingId;
    }
}
