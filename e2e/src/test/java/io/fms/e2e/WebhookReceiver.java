package io.fms.e2e;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;

/**
 * A real HTTP server on 127.0.0.1 standing in for a client's webhook receiver: it keeps every POST it gets and answers
 * each path with the status it is told to. Registered on a test's field, it runs for each test.
 */
final class WebhookReceiver implements BeforeEachCallback, AfterEachCallback {

    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(60);

    /** A POST the receiver got: its path, headers and raw body (as the signatures cover it). */
    record Webhook(String path, Headers headers, String body) {

        String header(String name) {
            return headers.getFirst(name);
        }

        JsonNode event() {
            return Json.tree(body);
        }

        boolean isAbout(String bookingId) {
            return event().path("bookingId").asString().equals(bookingId);
        }
    }

    private final Queue<Webhook> received = new ConcurrentLinkedQueue<>();
    private HttpServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.stop(0);
    }

    /** The callback URL of {@code path}, where every POST is kept and answered {@code 204}. */
    String url(String path) {
        return url(path, () -> 204);
    }

    /** The callback URL of {@code path}, where every POST is kept and answered with {@code status}'s next value. */
    String url(String path, IntSupplier status) {
        server.createContext(path, exchange -> {
            try (exchange) {
                received.add(new Webhook(
                        path,
                        exchange.getRequestHeaders(),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(status.getAsInt(), -1);
            }
        });
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every POST about the booking so far, in the order they came. */
    List<Webhook> about(String bookingId) {
        return received.stream().filter(webhook -> webhook.isAbout(bookingId)).toList();
    }

    /** The first webhook of this event type for the booking, awaited while the worker lives. */
    Webhook first(RunningFms fms, String bookingId, String type) {
        return await(type + " webhook for " + bookingId)
                .atMost(DELIVERY_BOUND)
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> about(bookingId).stream()
                                .filter(webhook ->
                                        webhook.event().path("type").asString().equals(type))
                                .findFirst(),
                        found -> {
                            if (found.isEmpty() && !fms.service(FmsStack.WORKER).isAlive()) {
                                throw new AssertionError("notification-worker died" + fms.logTails(FmsStack.WORKER));
                            }
                            return found.isPresent();
                        })
                .orElseThrow();
    }
}
