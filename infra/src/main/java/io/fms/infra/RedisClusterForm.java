package io.fms.infra;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins the Redis nodes of {@code infra/fms up --cluster} into one cluster of masters, the 16384 slots split in
 * equal ranges, as {@code redis-cli --cluster create} does (no redis-cli is needed). A cluster already formed is left
 * as it is, so a restart, or {@code up} after a node was killed, changes nothing.
 *
 * <p>Usage: {@code java io.fms.infra.RedisClusterForm <port> <port> <port>} (nodes on 127.0.0.1, already serving).
 * Exits 0 once every node reports {@code cluster_state:ok} and knows every other.
 */
public final class RedisClusterForm {

    static final int SLOTS = 16384;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private RedisClusterForm() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java io.fms.infra.RedisClusterForm <port> [<port> ...]");
            System.exit(2);
        }
        List<Integer> ports = new ArrayList<>();
        for (String arg : args) {
            ports.add(Integer.parseInt(arg.strip()));
        }
        form(ports, TIMEOUT);
        System.out.println("Redis Cluster ok on 127.0.0.1 ports " + ports);
    }

    static void form(List<Integer> ports, Duration timeout) throws InterruptedException {
        if (ports.stream().allMatch(port -> formed(port, ports.size()))) {
            return;
        }
        boolean noSlots = ports.stream().allMatch(port -> info(port).contains("cluster_slots_assigned:0"));
        if (noSlots) {
            int perNode = SLOTS / ports.size();
            for (int i = 0; i < ports.size(); i++) {
                int from = i * perNode;
                int to = i == ports.size() - 1 ? SLOTS : from + perNode;
                List<String> command = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
                for (int slot = from; slot < to; slot++) {
                    command.add(Integer.toString(slot));
                }
                call(ports.get(i), command);
            }
        }
        // Meeting is idempotent; a node that restarted with its nodes.conf finds the others on its own anyway.
        for (int i = 1; i < ports.size(); i++) {
            call(ports.get(0), List.of("CLUSTER", "MEET", "127.0.0.1", Integer.toString(ports.get(i))));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ports.stream().allMatch(port -> formed(port, ports.size()))) {
            if (System.nanoTime() > deadline) {
                StringBuilder states = new StringBuilder();
                ports.forEach(
                        port -> states.append("\n").append(port).append(": ").append(info(port)));
                throw new IllegalStateException("Redis Cluster not ok within " + timeout + ":" + states);
            }
            Thread.sleep(100);
        }
    }

    private static boolean formed(int port, int nodes) {
        String info = info(port);
        return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + nodes);
    }

    private static String info(int port) {
        return call(port, List.of("CLUSTER", "INFO"));
    }

    /** One command, one reply, on a connection of its own: a simple string, a bulk string or an integer. */
    static String call(int port, List<String> command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("*" + command.size() + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (String part : command) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
                request.writeBytes(bytes);
                request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(request.toByteArray());
            out.flush();
            return reply(new BufferedInputStream(socket.getInputStream()), port, command);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis on port " + port + ": " + command.get(0) + " " + command.get(1), e);
        }
    }

    private static String reply(InputStream in, int port, List<String> command) throws IOException {
        String line = line(in);
        return switch (line.isEmpty() ? ' ' : line.charAt(0)) {
            case '+', ':' -> line.substring(1);
            case '$' -> {
                int length = Integer.parseInt(line.substring(1));
                if (length < 0) {
                    yield "";
                }
                byte[] body = in.readNBytes(length + 2);
                yield new String(body, 0, length, StandardCharsets.UTF_8);
            }
            case '-' ->
                throw new IllegalStateException(
                        "Redis on port " + port + " refused " + command.get(0) + " " + command.get(1) + ": " + line);
            default -> throw new IllegalStateException("Redis on port " + port + " answered " + line);
        };
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int previous = -1;
        for (int next = in.read(); next != -1; next = in.read()) {
            if (previous == '\r' && next == '\n') {
                byte[] all = bytes.toByteArray();
                return new String(all, 0, all.length - 1, StandardCharsets.UTF_8);
            }
            bytes.write(next);
            previous = next;
        }
        throw new IOException("connection closed mid-reply");
    }
}
