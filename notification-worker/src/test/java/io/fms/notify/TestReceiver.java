package io.fms.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A real HTTP receiver on 127.0.0.1 (the JDK's server) that answers from a script and records every request. */
public final class TestReceiver implements AutoCloseable {

    /** Answer code meaning "never answer" (until the receiver is closed). */
    public static final int HANG = -1;

    /** @param headers every header, names in lower case */
    public record Request(
            String eventId,
            String signature,
            String contentType,
            String host,
            byte[] body,
            Instant receivedAt,
            Map<String, List<String>> headers) {}

    private final HttpServer server;
    private final Deque<Integer> script;
    private final int lastAnswer;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String location;

    /** Answers the codes in order, then the last one for ever. */
    public static TestReceiver answering(int... codes) {
        return new TestReceiver(codes);
    }

    private TestReceiver(int... codes) {
        this.script = new ArrayDeque<>();
        for (int code : codes) {
            script.add(code);
        }
        this.lastAnswer = codes[codes.length - 1];
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Adds {@code Location: url} to every answer (for 3xx answers). */
    public TestReceiver redirectingTo(String url) {
        this.location = url;
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hooks/fms";
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsFor(String eventId) {
        return requests.stream().filter(r -> eventId.equals(r.eventId())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        var headers = exchange.getRequestHeaders();
        requests.add(new Request(
                headers.getFirst("FMS-Event-Id"),
                headers.getFirst("FMS-Signature"),
                headers.getFirst("Content-Type"),
                headers.getFirst("Host"),
                body,
                Instant.now(),
                lowerCase(headers)));
        int code;
        synchronized (script) {
            code = script.isEmpty() ? lastAnswer : script.poll();
        }
        if (code == HANG) {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            code = 200;
        }
        if (location != null) {
            exchange.getResponseHeaders().set("Location", location);
        }
        exchange.sendResponseHeaders(code, -1);
        exchange.close();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new HashMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return lower;
    }
}
