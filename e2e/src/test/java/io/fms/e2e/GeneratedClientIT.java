package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.fms.client.ApiClient;
import io.fms.client.ApiException;
import io.fms.client.ApiResponse;
import io.fms.client.api.BookingsApi;
import io.fms.client.api.CatalogApi;
import io.fms.client.model.BookingRequest;
import io.fms.client.model.BookingView;
import io.fms.client.model.Flight;
import io.fms.client.model.FlightRequest;
import io.fms.client.model.PassengerRequest;
import io.fms.client.model.SeatState;
import io.fms.client.model.TripRequest;
import io.fms.client.model.TripView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's walk-through, made with the Java client generated from {@code docs/openapi.json} rather than by
 * hand: if the document misdescribes a path, a parameter, a header or a body, this is where it shows.
 */
@ExtendWith(FmsStack.class)
class GeneratedClientIT {

    @Test
    void theWalkThroughRunsOnTheGeneratedClient(RunningFms fms) throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(fms.service(FmsStack.API).baseUri().toString().replaceAll("/+$", ""));
        client.setReadTimeout(Duration.ofSeconds(45));
        CatalogApi catalog = new CatalogApi(client);
        BookingsApi bookings = new BookingsApi(client);
        Map<String, String> admin = Map.of("Authorization", "Bearer " + fms.adminKey());

        // A flight and a trip, with the admin key
        String flightNumber = "GC" + ThreadLocalRandom.current().nextInt(1000, 10_000);
        Flight flight = catalog.createFlight(
                new FlightRequest().flightNumber(flightNumber).origin("LHR").destination("JFK"), admin);
        assertThat(flight.getFlightNumber()).isEqualTo(flightNumber);
        TripView trip = catalog.createTrip(
                flight.getId(),
                new TripRequest().departureTime("2031-06-01T09:30:00Z").rows(30).columns("ABCDEF"),
                admin);
        assertThat(trip.getCapacity()).isEqualTo(180);
        assertThat(catalog.listTrips("LHR", "JFK", "2031-06-01", null, null))
                .extracting(TripView::getId)
                .contains(trip.getId());
        ApiException noKey = catchThrowableOfType(
                ApiException.class,
                () -> catalog.createFlight(
                        new FlightRequest().flightNumber("GC1").origin("LHR").destination("CDG")));
        assertThat(noKey.getCode()).isEqualTo(401);

        // Book two seats: 202, PENDING
        String idempotencyKey = "order-" + UUID.randomUUID();
        BookingRequest request = new BookingRequest()
                .tripId(trip.getId().toString())
                .passengers(List.of(
                        new PassengerRequest().name("Ada Lovelace"), new PassengerRequest().name("Charles Babbage")))
                .seats(List.of("12A", "12B"))
                .contactEmail("ada@example.com");
        ApiResponse<BookingView> submitted = bookings.submitBookingWithHttpInfo(request, idempotencyKey);
        assertThat(submitted.getStatusCode()).isEqualTo(202);
        BookingView pending = submitted.getData();
        assertThat(pending.getStatus()).isEqualTo(BookingView.StatusEnum.PENDING);
        assertThat(submitted.getHeaders().get("location"))
                .containsExactly("/api/v1/bookings/" + pending.getBookingId());

        // The same key and body name the same booking; the same key with another body is refused
        assertThat(bookings.submitBooking(request, idempotencyKey).getBookingId())
                .isEqualTo(pending.getBookingId());
        ApiException reused = catchThrowableOfType(
                ApiException.class, () -> bookings.submitBooking(request.seats(List.of("14A", "14B")), idempotencyKey));
        assertThat(reused.getCode()).isEqualTo(422);
        assertThat(reused.getResponseBody()).contains("urn:fms:problem:idempotency-key-reused");

        // Wait for the decision with Prefer: wait=N, the standard spelling of waitSeconds
        ApiResponse<BookingView> decided =
                bookings.getBookingWithHttpInfo(pending.getBookingId(), null, null, "wait=30");
        assertThat(decided.getData().getStatus())
                .as("booking %s after a 30 s wait: %s", pending.getBookingId(), decided.getData())
                .isEqualTo(BookingView.StatusEnum.CONFIRMED);
        assertThat(decided.getData().getSeats()).containsExactlyInAnyOrder("12A", "12B");
        assertThat(decided.getHeaders().get("preference-applied")).containsExactly("wait=30");

        assertThat(catalog.getSeatMap(trip.getId()).getSeats().stream()
                        .filter(seat -> seat.getStatus() == SeatState.StatusEnum.BOOKED)
                        .map(SeatState::getSeat))
                .containsExactlyInAnyOrder("12A", "12B");

        // Cancel: 202 with the booking as it stands; moments later it is CANCELLED
        ApiResponse<BookingView> cancel = bookings.cancelBookingWithHttpInfo(pending.getBookingId());
        assertThat(cancel.getStatusCode()).isEqualTo(202);
        await("booking " + pending.getBookingId() + " CANCELLED")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> bookings.getBooking(pending.getBookingId(), null, null, null)
                                .getStatus()
                        == BookingView.StatusEnum.CANCELLED);
        assertThat(bookings.listBookingNotifications(pending.getBookingId()).getBookingId())
                .isEqualTo(pending.getBookingId());

        // A bad value is a problem answer, which the client reports with its status and body
        ApiException tooLong = catchThrowableOfType(
                ApiException.class, () -> bookings.getBooking(pending.getBookingId(), 31, null, null));
        assertThat(tooLong.getCode()).isEqualTo(400);
        assertThat(tooLong.getResponseBody()).contains("waitSeconds");
    }
}
