package io.fms.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The load loop against a real (JDK) HTTP server answering with a length, chunked or closing the connection: every
 * request sent once with its own key, every answer recorded, open-loop due times, the stop at a 429.
 */
class HttpLoadTest {

    private HttpServer server;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final Set<String> bodies = ConcurrentHashMap.newKeySet();
    private final AtomicInteger served = new AtomicInteger();
    private final Set<String> confirmations = ConcurrentHashMap.newKeySet();
    private final java.util.Queue<String> reads = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/bookings", exchange -> {
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int n = served.incrementAndGet();
            String id = new UUID(n, n).toString();
            boolean confirmed = n % 2 == 0;
            byte[] body = ("{\"bookingId\": \"" + id + "\",\"status\":\"" + (confirmed ? "CONFIRMED" : "REJECTED")
                            + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            if (n % 7 == 0) {
                exchange.getResponseHeaders().add("Connection", "close");
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            // Every third answer chunked (length 0 means chunked to the JDK server), the rest with a length.
            exchange.sendResponseHeaders(confirmed ? 200 : 409, n % 3 == 0 ? 0 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/limited", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int n = served.incrementAndGet();
            byte[] body = "{\"type\":\"urn:fms:problem:rate-limited\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            // A limit that lets a burst through, then throttles.
            exchange.sendResponseHeaders(n <= 20 ? 202 : 429, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // A baseline with holds: every booking held, its confirmation answered at once.
        server.createContext("/held", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/confirmation")) {
                confirmations.add(path + " " + body);
                answer(exchange, 200, "{\"bookingId\":\"" + path.split("/")[2] + "\",\"status\":\"CONFIRMED\"}");
            } else {
                bodies.add(body);
                int n = served.incrementAndGet();
                answer(exchange, 200, "{\"bookingId\":\"" + new UUID(n, n) + "\",\"status\":\"HELD\"}");
            }
        });
        // FMS with holds: 202, then the booking read until it is no longer PENDING (HELD), the confirmation queued,
        // the booking read while HELD (CONFIRMED).
        server.createContext("/async", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            if (path.endsWith("/confirmation")) {
                confirmations.add(path + " " + body);
                answer(exchange, 202, "{}");
            } else if ("GET".equals(exchange.getRequestMethod())) {
                boolean paid = confirmations.stream().anyMatch(c -> c.startsWith(path + "/confirmation "));
                reads.add(query);
                answer(
                        exchange,
                        200,
                        "{\"status\":\"" + (paid && query.contains("while=HELD") ? "CONFIRMED" : "HELD") + "\"}");
            } else {
                int n = served.incrementAndGet();
                answer(exchange, 202, "{\"bookingId\":\"" + new UUID(n, n) + "\",\"status\":\"PENDING\"}");
            }
        });
        server.start();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String json)
            throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyRequestIsSentOnceWithItsOwnKeyAndEveryAnswerIsRead() throws Exception {
        Workload workload = Workload.generate(2, 500, 1.0, 0.5, 7);
        String[] trips = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        HttpLoad load = new HttpLoad(
                new HttpLoad.Endpoint("localhost", server.getAddress().getPort(), "/bookings", trips),
                workload,
                "test-");

        Outcomes outcomes = load.run(8, 0, Long.MAX_VALUE);

        assertThat(served).hasValue(500);
        assertThat(keys).hasSize(500);
        assertThat(outcomes.count(200) + outcomes.count(409)).isEqualTo(500);
        assertThat(bodies)
                .allSatisfy(
                        body -> assertThat(body).startsWith("{\"tripId\":\"").contains("Traveller 1"));
        UuidIndex ids = UuidIndex.of(outcomes);
        for (int n = 1; n <= 500; n++) {
            int i = ids.get(n, n);
            assertThat(i).as("booking %d read from its answer", n).isNotNegative();
            assertThat(outcomes.decision[i]).isEqualTo(n % 2 == 0 ? Outcomes.CONFIRMED : Outcomes.REJECTED);
            assertThat(outcomes.decidedNs[i]).isEqualTo(outcomes.answeredNs[i]).isGreaterThan(outcomes.dueNs[i]);
        }
    }

    @Test
    void openLoopMeasuresFromEachRequestsDueTime() throws Exception {
        Workload workload = Workload.generate(1, 50, 0, 0.5, 8);
        HttpLoad load = new HttpLoad(
                new HttpLoad.Endpoint("localhost", server.getAddress().getPort(), "/bookings", new String[] {"t"}),
                workload,
                "open-");

        Outcomes outcomes = load.run(4, 1000, Long.MAX_VALUE);

        assertThat(outcomes.count(200) + outcomes.count(409)).isEqualTo(50);
        for (int i = 1; i < 50; i++) {
            assertThat(outcomes.dueNs[i] - outcomes.dueNs[0]).isEqualTo((long) (i * 1e9 / 1000));
        }
    }

    @Test
    void aRateLimitStopsTheRunWithASayingMessageInsteadOfMeasuringTheLimit() {
        Workload workload = Workload.generate(1, 5000, 0, 0.5, 9);
        HttpLoad load = new HttpLoad(
                new HttpLoad.Endpoint("localhost", server.getAddress().getPort(), "/limited", new String[] {"t"}),
                workload,
                "limited-");

        assertThatThrownBy(() -> load.run(4, 0, Long.MAX_VALUE))
                .isInstanceOf(HttpLoad.ThrottledException.class)
                .hasMessageContaining("429")
                .hasMessageContaining("FMS_RATE_LIMIT_ENABLED");
        assertThat(served.get()).as("stopped soon after the first 429").isLessThan(100);
    }

    @Test
    void aHeldBookingIsPaidOnItsConnectionUnlessItsClientAbandonsIt() throws Exception {
        for (String system : new String[] {"/held", "/async"}) {
            served.set(0);
            confirmations.clear();
            Workload workload = holding(200);
            Payments payments = new Payments(30, 0, 0.25, true);
            HttpLoad load = new HttpLoad(
                            new HttpLoad.Endpoint(
                                    "localhost", server.getAddress().getPort(), system, new String[] {"t"}),
                            workload,
                            "hold-")
                    .payingWith(payments);

            Outcomes outcomes = load.run(4, 0, Long.MAX_VALUE);

            int abandoned = 0;
            for (int i = 0; i < workload.size(); i++) {
                String confirmation =
                        system + "/" + new UUID(outcomes.bookingMsb[i], outcomes.bookingLsb[i]) + "/confirmation";
                if (payments.abandons(i)) {
                    abandoned++;
                    assertThat(outcomes.paymentSent[i]).isFalse();
                    assertThat(outcomes.paidNs[i]).isZero();
                    assertThat(confirmations).noneMatch(c -> c.startsWith(confirmation + " "));
                } else {
                    assertThat(outcomes.paymentSent[i]).isTrue();
                    assertThat(outcomes.paidNs[i])
                            .as("%s request %d paid", system, i)
                            .isGreaterThan(outcomes.answeredNs[i]);
                    assertThat(confirmations)
                            .contains(confirmation + " {\"paymentReference\":\"" + Payments.reference(i) + "\"}");
                }
            }
            assertThat(abandoned)
                    .as("some abandon, most pay: the positive control")
                    .isBetween(20, 80);
            assertThat(confirmations).hasSize(workload.size() - abandoned);
            if (system.equals("/held")) {
                assertThat(outcomes.decision).containsOnly(Outcomes.HELD);
            }
        }
        assertThat(bodies).allSatisfy(body -> assertThat(body).contains(",\"hold\":{\"seconds\":30}"));
        assertThat(reads).contains("waitSeconds=30", "waitSeconds=30&while=HELD");
    }

    private static Workload holding(int requests) {
        Workload.Shape shape = new Workload.Shape(Workload.Layout.NARROW_BODY, 0, 0.5, 2, 0, 1);
        return Workload.generate(1, requests, shape, 11);
    }
}
