package io.fms.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A steady stream of booking requests at a fixed rate, each with its own Idempotency-Key, on virtual threads. Every
 * answer is kept: a {@code 202}'s booking ID (the promise to check), every other status with the time it was sent.
 */
final class Load {

    static final int IN_FLIGHT_MAX = 256;
    private static final int UNEXPECTED_KEPT_MAX = 5;
    private static final int UNEXPECTED_BODY_MAX_CHARS = 300;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern BOOKING_ID = Pattern.compile("\"bookingId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    record Trip(String id, int rows, String columns) {
        int capacity() {
            return rows * columns.length();
        }
    }

    record Accepted(String key, String body, String bookingId, String tripId, Instant sentAt) {}

    /** An answer: status -1 when the request failed without one (connection refused, timeout). */
    record Answer(Instant sentAt, Instant answeredAt, int status, String retryAfter, String bookingId) {}

    private final HttpClient http;
    private final String apiBase;
    private final String callbackUrl;
    private final int ratePerSecond;
    private final Random random = new Random();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT_MAX);
    private final Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger shed = new AtomicInteger();
    // The first few bodies of answers other than 202, 409 and 503: every refusal of a generated request must be
    // explained.
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unexpectedKept = new AtomicInteger();
    private volatile List<Trip> trips = List.of();
    private volatile boolean running;
    private Thread pacer;

    Load(HttpClient http, String apiBase, String callbackUrl, int ratePerSecond) {
        this.http = http;
        this.apiBase = apiBase;
        this.callbackUrl = callbackUrl;
        this.ratePerSecond = ratePerSecond;
    }

    void start(List<Trip> trips) {
        this.trips = List.copyOf(trips);
        running = true;
        pacer = Thread.ofPlatform().name("chaos-load").daemon().start(this::pace);
    }

    /** Stops sending and waits (bounded) for the requests still out. */
    void stop() {
        running = false;
        try {
            pacer.join(Duration.ofSeconds(5));
            if (inFlight.tryAcquire(
                    IN_FLIGHT_MAX, REQUEST_TIMEOUT.toSeconds() + 5, java.util.concurrent.TimeUnit.SECONDS)) {
                inFlight.release(IN_FLIGHT_MAX);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pace() {
        long intervalNanos = 1_000_000_000L / ratePerSecond;
        long next = System.nanoTime();
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    return;
                }
            }
            next += intervalNanos;
            // Requests that hang (a stalled API) must not pile up without bound: past the limit the driver sheds.
            if (!inFlight.tryAcquire()) {
                shed.incrementAndGet();
                continue;
            }
            String key = UUID.randomUUID().toString();
            String body = body();
            Thread.startVirtualThread(() -> {
                try {
                    submit(key, body);
                } finally {
                    inFlight.release();
                }
            });
        }
    }

    private String body() {
        Trip trip = trips.get(random.nextInt(trips.size()));
        int passengers = 1 + random.nextInt(3);
        StringBuilder names = new StringBuilder();
        for (int index = 0; index < passengers; index++) {
            names.append(index == 0 ? "" : ",")
                    .append("{\"name\":\"Chaos Passenger ")
                    .append(index + 1)
                    .append("\"}");
        }
        String seats = "";
        // Half the requests name their seats, side by side at a random place: some collide, which is the point.
        if (random.nextBoolean()) {
            int row = 1 + random.nextInt(trip.rows());
            int first = random.nextInt(trip.columns().length() - passengers + 1);
            List<String> chosen = new ArrayList<>();
            for (int index = 0; index < passengers; index++) {
                chosen.add("\"" + row + trip.columns().charAt(first + index) + "\"");
            }
            seats = ",\"seats\":[" + String.join(",", chosen) + "]";
        }
        return "{\"tripId\":\"" + trip.id() + "\",\"passengers\":[" + names + "]" + seats
                + ",\"contactEmail\":\"chaos@example.com\",\"callbackUrl\":\"" + callbackUrl + "\"}";
    }

    /** Sends one request (also used to retry an earlier one with the same key and body) and records the answer. */
    Answer submit(String key, String body) {
        Instant sentAt = Instant.now();
        Answer answer;
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(apiBase + "/api/v1/bookings"))
                            .timeout(REQUEST_TIMEOUT)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String bookingId = null;
            Matcher matcher = BOOKING_ID.matcher(response.body());
            if (response.statusCode() == 202 && matcher.find()) {
                bookingId = matcher.group(1);
                accepted.add(new Accepted(key, body, bookingId, tripOf(body), sentAt));
            }
            // 409 is a trip sold out at the door: the driver books past capacity on purpose.
            if (response.statusCode() != 202
                    && response.statusCode() != 409
                    && response.statusCode() != 503
                    && unexpectedKept.incrementAndGet() <= UNEXPECTED_KEPT_MAX) {
                String text = response.body().replaceAll("\\s+", " ");
                unexpected.add(response.statusCode() + " "
                        + text.substring(0, Math.min(text.length(), UNEXPECTED_BODY_MAX_CHARS)));
            }
            answer = new Answer(
                    sentAt,
                    Instant.now(),
                    response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    bookingId);
        } catch (IOException e) {
            answer = new Answer(sentAt, Instant.now(), -1, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer(sentAt, Instant.now(), -1, null, null);
        }
        answers.add(answer);
        return answer;
    }

    private static String tripOf(String body) {
        int start = body.indexOf("\"tripId\":\"") + 10;
        return body.substring(start, body.indexOf('"', start));
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Bodies of the first answers other than 202, 409 (sold out) and 503, for the report. */
    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    int shed() {
        return shed.get();
    }

    /** Forgets what was recorded: each fault is judged on its own requests. */
    void reset() {
        accepted.clear();
        answers.clear();
        shed.set(0);
        unexpected.clear();
        unexpectedKept.set(0);
    }
}
