package io.fms.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The latency proxy in front of a real echo server on loopback: each direction delayed, every byte in order. */
class LatencyProxyTest {

    private static final long DELAY_MS = 100;

    private ServerSocket echo;

    @BeforeEach
    void startEcho() throws Exception {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket client = echo.accept();
                    Thread.ofVirtual().start(() -> {
                        try (client;
                                InputStream in = client.getInputStream();
                                OutputStream out = client.getOutputStream()) {
                            in.transferTo(out);
                        } catch (Exception e) {
                            // the test closed it
                        }
                    });
                } catch (Exception e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stopEcho() throws Exception {
        echo.close();
    }

    @Test
    void aRoundTripCostsTwiceTheDelayAndEveryByteArrivesInOrder() throws Exception {
        // The best of a few: the first round trip of a cold JVM on a busy machine is slow for reasons of its own.
        long direct = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            direct = Math.min(direct, roundTripMs(echo.getLocalPort(), "ping"));
        }
        assertThat(direct).as("the echo itself is fast: the positive control").isLessThan(DELAY_MS);

        try (LatencyProxy proxy =
                new LatencyProxy(0, "127.0.0.1", echo.getLocalPort(), TimeUnit.MILLISECONDS.toNanos(DELAY_MS))) {
            long proxied = roundTripMs(proxy.port(), "ping");
            assertThat(proxied).isGreaterThanOrEqualTo(2 * DELAY_MS).isLessThan(2 * DELAY_MS + 500);

            try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
                OutputStream out = socket.getOutputStream();
                StringBuilder sent = new StringBuilder();
                for (int i = 0; i < 2000; i++) {
                    String piece = i + ",";
                    sent.append(piece);
                    out.write(piece.getBytes(StandardCharsets.US_ASCII));
                    if (i % 100 == 0) {
                        out.flush();
                    }
                }
                out.flush();
                socket.shutdownOutput();
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                socket.getInputStream().transferTo(received);
                assertThat(received.toString(StandardCharsets.US_ASCII)).isEqualTo(sent.toString());
            }
        }
    }

    private static long roundTripMs(int port, String message) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(5000);
            byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            byte[] back = socket.getInputStream().readNBytes(bytes.length);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(new String(back, StandardCharsets.US_ASCII)).isEqualTo(message);
            return elapsed;
        }
    }
}
