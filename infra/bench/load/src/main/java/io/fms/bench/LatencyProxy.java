package io.fms.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy that delays every byte by a fixed time in each direction, keeping their order: what a database one
 * network hop away costs each round trip ({@code 2 x delay}). Each connection is two pumps (client to server, server
 * to client), each a reader that stamps every chunk it reads with the time it is due and a writer that sends the
 * chunks in order once due; one virtual thread each. Chunks in flight per direction are bounded, so a slow side
 * slows its sender down instead of filling memory.
 *
 * <p>{@code bench latency-proxy --delay-ms N LISTEN_PORT:HOST:PORT ...} runs one until it is killed; {@code infra/fms
 * bench --db-latency-ms N} puts one in front of Postgres and Redis for every system.
 */
final class LatencyProxy implements AutoCloseable {

    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int CHUNKS_IN_FLIGHT_MAX = 1024;
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    /** One chunk read and when it may be written; {@code bytes == null} is the end of the stream. */
    private record Chunk(long dueNs, byte[] bytes) {}

    private final ServerSocket server;
    private final String upstreamHost;
    private final int upstreamPort;
    private final long delayNs;
    private final Thread acceptor;

    LatencyProxy(int listenPort, String upstreamHost, int upstreamPort, long delayNs) throws IOException {
        if (delayNs < 0) {
            throw new IllegalArgumentException("a delay cannot be negative");
        }
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), 512);
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.delayNs = delayNs;
        this.acceptor = Thread.ofVirtual().name("latency-proxy-" + port()).start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> connect(client));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(new InetSocketAddress(upstreamHost, upstreamPort), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        AtomicInteger directionsDone = new AtomicInteger();
        pump(client, upstream, directionsDone);
        pump(upstream, client, directionsDone);
    }

    /** Bytes from {@code from} to {@code to}, each written {@code delayNs} after it was read. */
    private void pump(Socket from, Socket to, AtomicInteger directionsDone) {
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT_MAX);
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[CHUNK_BYTES];
            // The stream is not closed here: closing a socket's stream closes the socket, and the other direction
            // may still have bytes to deliver through it (a half-closed connection).
            try {
                InputStream in = from.getInputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    chunks.put(new Chunk(System.nanoTime() + delayNs, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException | InterruptedException e) {
                // the connection ended; the writer ends it on the other side too
            } finally {
                putQuietly(chunks, new Chunk(System.nanoTime() + delayNs, null));
            }
        });
        Thread.ofVirtual().start(() -> {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = chunks.take();
                    for (long wait = chunk.dueNs() - System.nanoTime();
                            wait > 0;
                            wait = chunk.dueNs() - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    if (chunk.bytes() == null) {
                        to.shutdownOutput();
                        break;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // a broken side breaks the whole connection: the other pump's read ends with it
                directionsDone.incrementAndGet();
            } finally {
                if (directionsDone.incrementAndGet() >= 2) {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }
        });
    }

    private static void putQuietly(BlockingQueue<Chunk> chunks, Chunk chunk) {
        try {
            chunks.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }

    /** {@code latency-proxy --delay-ms N LISTEN_PORT:HOST:PORT ...}: runs until the process is killed. */
    static int run(List<String> args) throws Exception {
        if (args.size() < 3 || !args.getFirst().equals("--delay-ms")) {
            throw new IllegalArgumentException("usage: latency-proxy --delay-ms N LISTEN_PORT:HOST:PORT ...");
        }
        long delayMs = Long.parseLong(args.get(1));
        if (delayMs < 0 || delayMs > 10_000) {
            throw new IllegalArgumentException("--delay-ms must be between 0 and 10000");
        }
        for (String route : args.subList(2, args.size())) {
            String[] parts = route.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("a route is LISTEN_PORT:HOST:PORT, not " + route);
            }
            LatencyProxy proxy = new LatencyProxy(
                    Integer.parseInt(parts[0]),
                    parts[1],
                    Integer.parseInt(parts[2]),
                    TimeUnit.MILLISECONDS.toNanos(delayMs));
            System.out.println("latency proxy: localhost:" + proxy.port() + " -> " + parts[1] + ":" + parts[2] + ", "
                    + delayMs + " ms each way");
        }
        Thread.currentThread().join();
        return 0;
    }
}
