package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A client of {@code GET /api/v1/trips/{id}/seats/stream}, as a browser's EventSource would be: reads events on a
 * thread of its own, rebuilds the seat map from the snapshot and the changes, and keeps the raw text it received.
 */
final class SeatStream implements AutoCloseable {

    /** One event as received. */
    record Event(String name, long id, JsonNode data) {}

    private final HttpResponse<InputStream> response;
    private final Thread reader;
    private final List<Event> events = new ArrayList<>();
    private final StringBuilder raw = new StringBuilder();
    private final Map<String, String> seats = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private volatile boolean ended;

    private SeatStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = Thread.ofPlatform().daemon().name("seat-stream-client").start(this::read);
    }

    /** Opens a stream; answers null and the refusal if the API does not answer 200. */
    static Opened open(URI base, String tripId, Long lastEventId) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/trips/" + tripId + "/seats/stream"))
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                try (InputStream body = response.body()) {
                    return new Opened(
                            null,
                            response.statusCode(),
                            response.headers(),
                            new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            return new Opened(new SeatStream(response), 200, response.headers(), "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Opened(SeatStream stream, int status, java.net.http.HttpHeaders headers, String body) {}

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** What the reader found wrong with the stream (an unreadable or inconsistent event). */
    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    synchronized String raw() {
        return raw.toString();
    }

    /** The seat map as the events so far make it. */
    synchronized Map<String, String> seats() {
        return new LinkedHashMap<>(seats);
    }

    synchronized long lastId() {
        return events.isEmpty() ? -1 : events.getLast().id();
    }

    /** Starts from another stream's map, as a browser keeps its map across a reconnect. */
    synchronized void continueFrom(Map<String, String> map) {
        seats.putAll(map);
    }

    boolean ended() {
        return ended;
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (this) {
                    raw.append(line).append('\n');
                }
                if (line.isEmpty()) {
                    if (name != null) {
                        try {
                            received(name, id, data.toString());
                        } catch (RuntimeException | AssertionError e) {
                            synchronized (this) {
                                problems.add(e.toString());
                            }
                        }
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // Closed by the test, or by the server.
        } finally {
            ended = true;
        }
    }

    private synchronized void received(String name, String id, String data) {
        JsonNode json = Json.tree(data);
        long version = Long.parseLong(id);
        assertThat(json.path("version").asLong()).as("version of %s", data).isEqualTo(version);
        events.add(new Event(name, version, json));
        switch (name) {
            case "snapshot" -> {
                seats.clear();
                json.path("seats")
                        .forEach(seat -> seats.put(
                                seat.path("seat").asString(),
                                seat.path("status").asString()));
            }
            case "seats" ->
                json.path("changes")
                        .forEach(seat -> seats.put(
                                seat.path("seat").asString(),
                                seat.path("status").asString()));
            default -> throw new AssertionError("unexpected event " + name + ": " + data);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // Closing is all we want.
        }
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
