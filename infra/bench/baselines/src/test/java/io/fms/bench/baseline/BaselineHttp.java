package io.fms.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client against the running server: what the tests see is what the load generator sees. */
final class BaselineHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    BaselineHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    record Response(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        Response assertStatus(int expected) {
            assertThat(status).as("status of response %s", body).isEqualTo(expected);
            return this;
        }

        JsonNode assertProblem(int expectedStatus, String kind) {
            assertStatus(expectedStatus);
            JsonNode problem = json();
            assertThat(problem.path("type").asString()).isEqualTo("urn:fms:problem:" + kind);
            assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(body).doesNotContain("Exception", "java.", "tools.jackson");
            return problem;
        }
    }

    Response putTrip(UUID tripId, int rows, String columns) {
        return send(HttpRequest.newBuilder(URI.create(base + "/trips/" + tripId))
                .PUT(json("{\"rows\": %d, \"columns\": \"%s\"}".formatted(rows, columns))));
    }

    Response book(String body, String idempotencyKey) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + "/bookings")).POST(json(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(json(body)));
    }

    /** Pays a hold: {@code POST /bookings/{id}/confirmation}. */
    Response pay(String bookingId, String paymentReference) {
        return post("/bookings/" + bookingId + "/confirmation", "{\"paymentReference\": \"" + paymentReference + "\"}");
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    static String bookingBody(UUID tripId, int passengers, java.util.List<String> seats) {
        StringBuilder body = new StringBuilder("{\"tripId\": \"" + tripId + "\", \"passengers\": [");
        for (int i = 0; i < passengers; i++) {
            body.append(i == 0 ? "" : ", ")
                    .append("{\"name\": \"Passenger ")
                    .append(i)
                    .append("\"}");
        }
        body.append("]");
        if (!seats.isEmpty()) {
            body.append(", \"seats\": [");
            for (int i = 0; i < seats.size(); i++) {
                body.append(i == 0 ? "" : ", ").append('"').append(seats.get(i)).append('"');
            }
            body.append("]");
        }
        return body.append(", \"contactEmail\": \"ada@example.com\"}").toString();
    }

    /** The booking body asking for a hold of {@code seconds}. */
    static String holdBody(UUID tripId, java.util.List<String> seats, int seconds) {
        String body = bookingBody(tripId, seats.size(), seats);
        return body.substring(0, body.length() - 1) + ", \"hold\": {\"seconds\": " + seconds + "}}";
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(
                    request.header("Content-Type", "application/json")
                            .timeout(TIMEOUT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
