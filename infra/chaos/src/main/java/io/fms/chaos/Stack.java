package io.fms.chaos;

import io.fms.infra.StackAddresses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The running local stack, controlled through infra/fms itself: what a fault does is what an operator could type. */
final class Stack {

    // `up` waits for every /health with its own bound; this one only catches a script that hangs.
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(8);

    private static final StackAddresses ADDRESSES = StackAddresses.fromEnvironment();

    private final Path root;
    private final HttpClient http;

    Stack(Path root, HttpClient http) {
        this.root = root;
        this.http = http;
    }

    void fms(String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("infra/fms").toString());
        command.addAll(List.of(args));
        System.out.println("  $ infra/fms " + String.join(" ", args));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .start();
            try (var output = process.inputReader()) {
                output.lines().forEach(line -> System.out.println("    " + line));
            }
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("infra/fms " + String.join(" ", args) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "infra/fms " + String.join(" ", args) + " exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run infra/fms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Brings back whatever is missing, as an operator would after a fault. */
    void up() {
        fms("up");
    }

    void kill(String component, String signal) {
        fms("kill", component, "--signal", signal);
    }

    void stop(String component) {
        fms("stop", component);
    }

    void scaleProcessors(int count) {
        fms("scale", "booking-processor", String.valueOf(count));
    }

    boolean healthy(String url) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/health"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Path log(String component) {
        return ADDRESSES.logFile(root, component);
    }

    /** How many lines of a component's log contain {@code text}: for notes (fences, retries), never for a verdict. */
    long logLines(String component, String text) {
        Path log = log(component);
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    Path dataDir(String component) {
        return ADDRESSES.dataDir(root, component);
    }
}
