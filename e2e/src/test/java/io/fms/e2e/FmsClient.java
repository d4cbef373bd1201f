package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** booking-api as a client sees it: the documented calls over plain HTTP, nothing from the services' code. */
final class FmsClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(40);
    private static final AtomicInteger FLIGHT_NUMBERS = new AtomicInteger(100);

    private final URI base;
    private final String adminKey;
    private final HttpClient http;

    FmsClient(URI base, String adminKey) {
        this.base = base;
        this.adminKey = adminKey;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** An HTTP answer, whatever its status. */
    record Answer(int status, HttpResponse<String> response) {

        String body() {
            return response.body();
        }

        JsonNode json() {
            return Json.tree(response.body());
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        @Override
        public String toString() {
            return status + " " + response.headers().firstValue("Content-Type").orElse("") + " "
                    + Json.abbreviate(response.body());
        }
    }

    /** A booking as {@code GET /api/v1/bookings/{id}} shows it. */
    record Booking(
            String bookingId,
            String tripId,
            String status,
            List<String> seats,
            List<Map<String, Object>> passengers,
            String reason,
            List<String> unavailableSeats,
            String createdAt,
            String decidedAt) {

        Booking {
            seats = seats == null ? List.of() : List.copyOf(seats);
            unavailableSeats = unavailableSeats == null ? List.of() : List.copyOf(unavailableSeats);
        }

        boolean isPending() {
            return "PENDING".equals(status);
        }
    }

    /** The body of {@code POST /api/v1/bookings}; absent parts are left out, not sent as null. */
    record BookingRequest(
            String tripId, List<String> passengerNames, List<String> seats, String contactEmail, String callbackUrl) {

        static BookingRequest of(String tripId, List<String> passengerNames, List<String> seats) {
            return new BookingRequest(tripId, passengerNames, seats, null, null);
        }

        BookingRequest withContact(String email, String callback) {
            return new BookingRequest(tripId, passengerNames, seats, email, callback);
        }

        String json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tripId", tripId);
            body.put(
                    "passengers",
                    passengerNames.stream().map(name -> Map.of("name", name)).toList());
            if (seats != null) {
                body.put("seats", seats);
            }
            if (contactEmail != null) {
                body.put("contactEmail", contactEmail);
            }
            if (callbackUrl != null) {
                body.put("callbackUrl", callbackUrl);
            }
            return Json.write(body);
        }
    }

    /** Creates a flight with a number no other test used; answers its ID. */
    String createFlight() {
        String number = "FM" + FLIGHT_NUMBERS.incrementAndGet();
        Answer answer = send(post(
                        "/api/v1/flights",
                        Json.write(Map.of(
                                "flightNumber", number,
                                "origin", "LHR",
                                "destination", "JFK")))
                .header("Authorization", "Bearer " + adminKey));
        assertThat(answer.status()).as("POST /api/v1/flights: %s", answer).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    /** Creates a trip of a new flight departing in 30 days, with a {@code rows} x {@code columns} cabin. */
    String createTrip(int rows, String columns) {
        String flightId = createFlight();
        String departure = Instant.now()
                .plus(30, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        Answer answer = send(post(
                        "/api/v1/flights/" + flightId + "/trips",
                        Json.write(Map.of("departureTime", departure, "rows", rows, "columns", columns)))
                .header("Authorization", "Bearer " + adminKey));
        assertThat(answer.status()).as("POST trips: %s", answer).isEqualTo(201);
        JsonNode trip = answer.json();
        assertThat(trip.path("capacity").asInt()).as("capacity of %s", trip).isEqualTo(rows * columns.length());
        return trip.path("id").asString();
    }

    Answer book(BookingRequest request, String idempotencyKey) {
        HttpRequest.Builder builder = post("/api/v1/bookings", request.json());
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return send(builder);
    }

    /** Books and asserts the 202 contract (Location, PENDING body); answers the booking ID. */
    String bookAccepted(BookingRequest request, String idempotencyKey) {
        Answer answer = book(request, idempotencyKey);
        assertThat(answer.status()).as("POST /api/v1/bookings: %s", answer).isEqualTo(202);
        return acceptedBookingId(answer);
    }

    static String acceptedBookingId(Answer answer) {
        String bookingId = answer.json().path("bookingId").asString();
        assertThat(bookingId).as("bookingId of %s", answer).isNotBlank();
        assertThat(answer.header("Location"))
                .as("Location of %s", answer)
                .hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/bookings/" + bookingId));
        // The 202 of a new booking says PENDING, even when the processor decided before the API answered.
        assertThat(answer.json().path("status").asString())
                .as("status of %s", answer)
                .isEqualTo("PENDING");
        return bookingId;
    }

    Answer getBooking(String bookingId, int waitSeconds) {
        String query = waitSeconds > 0 ? "?waitSeconds=" + waitSeconds : "";
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/bookings/" + bookingId + query))
                .GET());
    }

    Booking booking(String bookingId) {
        return parseBooking(getBooking(bookingId, 0));
    }

    /** One long-poll: answers as soon as the booking is decided, or after {@code waitSeconds} still PENDING. */
    Booking longPoll(String bookingId, int waitSeconds) {
        return parseBooking(getBooking(bookingId, waitSeconds));
    }

    private static Booking parseBooking(Answer answer) {
        assertThat(answer.status()).as("GET booking: %s", answer).isEqualTo(200);
        return Json.read(answer.body(), Booking.class);
    }

    Answer cancel(String bookingId) {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/bookings/" + bookingId))
                .DELETE());
    }

    JsonNode trip(String tripId) {
        Answer answer = send(
                HttpRequest.newBuilder(base.resolve("/api/v1/trips/" + tripId)).GET());
        assertThat(answer.status()).as("GET trip: %s", answer).isEqualTo(200);
        return answer.json();
    }

    /** Seat label to AVAILABLE or BOOKED, in the order the seat map lists them. */
    Map<String, String> seatMap(String tripId) {
        Answer answer = send(HttpRequest.newBuilder(base.resolve("/api/v1/trips/" + tripId + "/seats"))
                .GET());
        assertThat(answer.status()).as("GET seat map: %s", answer).isEqualTo(200);
        Map<String, String> seats = new LinkedHashMap<>();
        for (JsonNode seat : answer.json().path("seats")) {
            String label = seat.path("seat").asString();
            assertThat(seats.put(label, seat.path("status").asString()))
                    .as("seat %s listed twice in %s", label, answer)
                    .isNull();
        }
        return seats;
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
