package io.fms.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One baseline design (infra/bench/baselines: rowlock, redislock or noop) as a child process of the bench, on a free
 * port, against the stack's Postgres and Redis; stopped (and its data dropped) when closed.
 */
final class BaselineServer implements AutoCloseable {

    private static final long START_TIMEOUT_NS = 120 * Measurement.SECOND_NS;

    private final String design;
    private final Process process;
    private final int port;
    private final Path log;
    private final SetupHttp http = new SetupHttp();

    private BaselineServer(String design, Process process, int port, Path log) {
        this.design = design;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** @param route where the server finds Postgres and Redis (the latency proxy's addresses, or the stack's) */
    static BaselineServer start(Stack stack, BenchConfig.DbRoute route, Path jar, String design, Path logDirectory)
            throws IOException {
        int port = freePort();
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve("baseline-" + design + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String javaOpts = System.getenv("FMS_BENCH_BASELINE_JAVA_OPTS");
        if (javaOpts != null && !javaOpts.isBlank()) {
            command.addAll(List.of(javaOpts.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--fms.baseline.design=" + design));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("FMS_BASELINE_DESIGN", design);
        env.put("FMS_BASELINE_PORT", String.valueOf(port));
        env.put("FMS_POSTGRES_URL", route.postgresUrl());
        env.put("FMS_POSTGRES_USER", stack.postgresUser());
        env.put("FMS_POSTGRES_PASSWORD", stack.postgresPassword());
        env.put("FMS_REDIS_HOST", route.redisHost());
        env.put("FMS_REDIS_PORT", String.valueOf(route.redisPort()));
        env.put("SPRING_OUTPUT_ANSI_ENABLED", "never");
        BaselineServer server = new BaselineServer(design, builder.start(), port, log);
        try {
            server.awaitHealthy();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitHealthy() {
        long deadline = Clock.now() + START_TIMEOUT_NS;
        while (Clock.now() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the " + design + " baseline exited during startup (" + process.exitValue() + "); see " + log);
            }
            SetupHttp.Answer health = http.get(uri("/health"));
            if (health.status() == 200 && health.body().contains("\"UP\"")) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("the " + design + " baseline is not UP within 120 s; see " + log);
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    HttpLoad.Endpoint endpoint(String[] tripIds) {
        return new HttpLoad.Endpoint("localhost", port, "/bookings", tripIds);
    }

    void reset() {
        SetupHttp.Answer reset = http.delete(uri("/data"));
        if (reset.status() != 204) {
            throw new IllegalStateException("DELETE /data on " + design + ": " + reset.status() + " " + reset.body());
        }
    }

    /** {@code count} new trips of this layout (PUT /trips/{id}). */
    String[] createTrips(int count, Workload.Layout layout) {
        String[] ids = new String[count];
        for (int t = 0; t < count; t++) {
            ids[t] = UUID.randomUUID().toString();
            SetupHttp.Answer created = http.put(uri("/trips/" + ids[t]), "{" + layout.json() + "}");
            if (created.status() != 204) {
                throw new IllegalStateException(
                        "PUT /trips on " + design + ": " + created.status() + " " + created.body());
            }
        }
        return ids;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
