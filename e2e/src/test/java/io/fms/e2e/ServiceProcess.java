package io.fms.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One FMS service running from its runnable jar as a process of its own, as in production: its own JVM, its own
 * port, its output in {@code target/e2e-logs/<service>.log} (appended across restarts, each start marked).
 */
final class ServiceProcess {

    /** Each JVM gets a modest heap: three services, a Kafka broker and the tests share a small machine. */
    private static final List<String> JVM_OPTIONS =
            List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    // Three JVMs start side by side; on a two-core machine that other builds share, one has been seen to need just
    // over two minutes to serve. Still a bound: a service that never comes up fails the run. A slower machine may
    // give more: -Dfms.e2e.healthTimeoutSeconds=300.
    private static final Duration HEALTH_TIMEOUT =
            Duration.ofSeconds(Long.getLong("fms.e2e.healthTimeoutSeconds", 240));
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 60;
    private static final Pattern KAFKA_CONFIG_LINE = Pattern.compile("\\t[\\w.]+ = .*");

    private final String name;
    private final Path jar;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;

    ServiceProcess(String name, Path jar, Map<String, String> environment, int port, Path log) {
        this.name = name;
        this.jar = jar;
        this.environment = Map.copyOf(environment);
        this.port = port;
        this.log = log;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the JVM; returns at once ({@link #awaitHealthy()} waits for it to serve). */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running as pid " + process.pid());
        }
        List<String> command = new ArrayList<>();
        // The JDK the tests run on is the one the build checked (21 or newer).
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The services must see only what this run gives them, not FMS_* settings of whoever runs the build.
        builder.environment().keySet().removeIf(key -> key.startsWith("FMS_"));
        builder.environment().putAll(environment);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Files.createDirectories(log.getParent());
            // A run's first start replaces the last run's log; a restart within the run appends to it.
            Files.writeString(
                    log,
                    "==== e2e: starting " + name + " at " + Instant.now() + ": " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    process == null ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " from " + jar, e);
        }
    }

    /** Waits until {@code GET /health} answers UP; fails with the end of the log if the process dies or never does. */
    void awaitHealthy() {
        AtomicReference<String> lastAnswer = new AtomicReference<>("no answer yet");
        try {
            await("GET /health of " + name + " UP")
                    .atMost(HEALTH_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError(name + " exited with status " + process.exitValue()
                                    + " before it was healthy; end of " + log + ":\n" + logTail());
                        }
                        lastAnswer.set(health());
                        return lastAnswer.get().equals("200 UP");
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    name + " did not report UP within " + HEALTH_TIMEOUT + "; last answer: " + lastAnswer.get()
                            + "\nend of " + log + ":\n" + logTail(),
                    e);
        }
    }

    private String health() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(baseUri().resolve("/health"))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + Json.overallStatus(response.body());
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed, as when a machine dies. */
    void kill() {
        Process running = process;
        running.destroyForcibly();
        try {
            if (!running.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError(name + " (pid " + running.pid() + ") survived SIGKILL for " + STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then SIGKILL if the service has not stopped within the bound. */
    void stop() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                running.destroyForcibly();
                running.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }

    /** The last lines of this service's log, for failure messages. */
    String logTail() {
        try {
            // Decoded leniently: a log may end in the middle of a character when a process was killed.
            // Kafka clients print their whole configuration, one indented "key = value" line each: not the news.
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !KAFKA_CONFIG_LINE.matcher(line).matches())
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log " + log + " unreadable: " + e + ")";
        }
    }

    Path log() {
        return log;
    }
}
