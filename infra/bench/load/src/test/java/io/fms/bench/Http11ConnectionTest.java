package io.fms.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator's HTTP/1.1 client against the JDK's HTTP server. */
class Http11ConnectionTest {

    private static final int BODY_MAX_BYTES = 64;

    private HttpServer server;
    /** The client port of each request the server saw: one per TCP connection. */
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

    private Http11Connection connection;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/fixed" -> {
                    byte[] body = "{\"bookingId\":\"42\"}".getBytes(StandardCharsets.US_ASCII);
                    exchange.sendResponseHeaders(202, body.length);
                    exchange.getResponseBody().write(body);
                }
                case "/chunked" -> {
                    // Length 0 means chunked to the JDK server; each flush sends a chunk.
                    exchange.sendResponseHeaders(409, 0);
                    OutputStream out = exchange.getResponseBody();
                    for (String part : List.of("{\"status\":", "\"REJECTED\"", "}")) {
                        out.write(part.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                }
                case "/closing" -> {
                    exchange.getResponseHeaders().add("Connection", "close");
                    byte[] body = "bye".getBytes(StandardCharsets.US_ASCII);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                case "/long" -> {
                    byte[] body = "x".repeat(10 * BODY_MAX_BYTES).getBytes(StandardCharsets.US_ASCII);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                case "/empty" -> exchange.sendResponseHeaders(503, -1);
                default -> {
                    // No answer at all: the JDK server drops the connection.
                }
            }
            exchange.close();
        });
        server.start();
        connection = new Http11Connection("localhost", server.getAddress().getPort(), BODY_MAX_BYTES);
    }

    @AfterEach
    void stop() {
        connection.close();
        server.stop(0);
    }

    @Test
    void readsFixedLengthAndChunkedAnswersOnOneKeptAliveConnection() throws IOException {
        assertThat(get("/fixed")).isEqualTo(202);
        assertThat(body()).isEqualTo("{\"bookingId\":\"42\"}");

        assertThat(get("/chunked")).isEqualTo(409);
        assertThat(body()).isEqualTo("{\"status\":\"REJECTED\"}");

        assertThat(get("/empty")).isEqualTo(503);
        assertThat(body()).isEmpty();

        assertThat(get("/fixed")).isEqualTo(202);
        assertThat(clientPorts).hasSize(4).containsOnly(clientPorts.getFirst());
    }

    @Test
    void connectionCloseIsHonouredAndTheNextExchangeConnectsAgain() throws IOException {
        assertThat(get("/closing")).isEqualTo(200);
        assertThat(body()).isEqualTo("bye");

        assertThat(get("/fixed")).isEqualTo(202);
        assertThat(clientPorts).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aBodyLongerThanTheBufferIsCutButTheConnectionStaysInStep() throws IOException {
        assertThat(get("/long")).isEqualTo(200);
        assertThat(connection.bodyLength()).isEqualTo(BODY_MAX_BYTES);
        assertThat(body()).isEqualTo("x".repeat(BODY_MAX_BYTES));

        assertThat(get("/chunked")).isEqualTo(409);
        assertThat(body()).isEqualTo("{\"status\":\"REJECTED\"}");
        assertThat(clientPorts).hasSize(2).containsOnly(clientPorts.getFirst());
    }

    @Test
    void aDroppedConnectionFailsTheExchangeAndTheNextOneConnectsAgain() throws IOException {
        assertThatThrownBy(() -> get("/silent")).isInstanceOf(IOException.class);

        assertThat(get("/fixed")).isEqualTo(202);
        assertThat(clientPorts).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void nothingListeningIsAnIoException() {
        int port = server.getAddress().getPort();
        server.stop(0);
        Http11Connection nowhere = new Http11Connection("localhost", port, BODY_MAX_BYTES);

        assertThatThrownBy(() -> nowhere.exchange(new byte[0], 0)).isInstanceOf(IOException.class);
    }

    private int get(String path) throws IOException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return connection.exchange(request, request.length);
    }

    private String body() {
        return new String(connection.body(), 0, connection.bodyLength(), StandardCharsets.US_ASCII);
    }
}
