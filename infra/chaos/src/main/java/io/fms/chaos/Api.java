package io.fms.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few API calls the suite makes besides the load: the catalog it books on, and reads of what was decided. */
final class Api {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern AVAILABLE = Pattern.compile("\"availableSeats\"\\s*:\\s*(\\d+)");
    private static final int FLIGHT_ATTEMPTS_MAX = 20;

    private final HttpClient http;
    private final String base;
    private final String adminKey;
    private final Random random = new Random();

    Api(HttpClient http, String base, String adminKey) {
        this.http = http;
        this.base = base + "/api/v1";
        this.adminKey = adminKey;
    }

    record Answer(int status, String body) {}

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }

    private Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + adminKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    String createFlight() {
        for (int attempt = 0; attempt < FLIGHT_ATTEMPTS_MAX; attempt++) {
            String number = "CX" + (1000 + random.nextInt(9000));
            Answer answer = post(
                    "/flights", "{\"flightNumber\":\"" + number + "\",\"origin\":\"LHR\",\"destination\":\"JFK\"}");
            if (answer.status() == 201) {
                return idOf(answer);
            }
            if (answer.status() != 409) {
                throw new IllegalStateException("creating a flight: HTTP " + answer.status() + " " + answer.body());
            }
        }
        throw new IllegalStateException("no free flight number after " + FLIGHT_ATTEMPTS_MAX + " attempts");
    }

    Load.Trip createTrip(String flightId, int rows, String columns) {
        // A distinct departure per trip, far enough ahead that no run closes it.
        String departure = java.time.Instant.now()
                .plus(Duration.ofDays(300 + random.nextInt(300)))
                .plusSeconds(random.nextInt(86_400))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        Answer answer = post(
                "/flights/" + flightId + "/trips",
                "{\"departureTime\":\"" + departure + "\",\"rows\":" + rows + ",\"columns\":\"" + columns + "\"}");
        if (answer.status() != 201) {
            throw new IllegalStateException("creating a trip: HTTP " + answer.status() + " " + answer.body());
        }
        return new Load.Trip(idOf(answer), rows, columns);
    }

    /** A booking's status as the API answers it, or "HTTP n" when it does not answer 200. */
    String bookingStatus(String bookingId) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(base + "/bookings/" + bookingId)));
        if (answer.status() != 200) {
            return "HTTP " + answer.status();
        }
        Matcher matcher = STATUS.matcher(answer.body());
        return matcher.find() ? matcher.group(1) : "?";
    }

    /** The HTTP status of a booking read, for reads made while a dependency is down. */
    int bookingReadStatus(String bookingId) {
        return send(HttpRequest.newBuilder(URI.create(base + "/bookings/" + bookingId)))
                .status();
    }

    /** The trip's availableSeats as the API answers it, or -1. */
    int availableSeats(String tripId) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(base + "/trips/" + tripId)));
        Matcher matcher = AVAILABLE.matcher(answer.body());
        return answer.status() == 200 && matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    private static final Pattern BOOKING_ID = Pattern.compile("\"bookingId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    /** Books one seat held for {@code holdSeconds}; the booking ID, or null when not answered 202. */
    String bookHeld(String tripId, int holdSeconds) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(base + "/bookings"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "hold-" + java.util.UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString("{\"tripId\":\"" + tripId
                        + "\",\"passengers\":[{\"name\":\"Hold Fault\"}],\"hold\":{\"seconds\":" + holdSeconds
                        + "}}")));
        Matcher matcher = BOOKING_ID.matcher(answer.body());
        return answer.status() == 202 && matcher.find() ? matcher.group(1) : null;
    }

    /** Confirms a held booking; the HTTP status (202 queued, 200 already confirmed, 409 not held). */
    int confirm(String bookingId, String paymentReference) {
        return send(HttpRequest.newBuilder(URI.create(base + "/bookings/" + bookingId + "/confirmation"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"paymentReference\":\"" + paymentReference + "\"}")))
                .status();
    }

    private static String idOf(Answer answer) {
        Matcher matcher = ID.matcher(answer.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + answer.body());
        }
        return matcher.group(1);
    }
}
