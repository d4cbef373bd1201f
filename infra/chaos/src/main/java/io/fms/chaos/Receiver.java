package io.fms.chaos;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback that counts every hit per {@code FMS-Event-Id} and can be made slow, so that a worker
 * killed during a run is likely to die in the middle of a request.
 */
final class Receiver implements AutoCloseable {

    static final int DELAY_MAX_MS = 4_000;

    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private volatile int delayMs;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readNBytes(64 * 1024);
            }
            String eventId = exchange.getRequestHeaders().getFirst("FMS-Event-Id");
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // Counted once the answer is decided: a request whose sender died before this point is not a delivery.
            hits.computeIfAbsent(eventId == null ? "none" : eventId, id -> new AtomicInteger())
                    .incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void delayMs(int delayMs) {
        this.delayMs = Math.min(Math.max(delayMs, 0), DELAY_MAX_MS);
    }

    int hits(String eventId) {
        AtomicInteger count = hits.get(eventId);
        return count == null ? 0 : count.get();
    }

    Map<String, Integer> snapshot() {
        Map<String, Integer> copy = new java.util.HashMap<>();
        hits.forEach((id, count) -> copy.put(id, count.get()));
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
