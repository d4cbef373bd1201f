package io.fms.infra;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One launcher running as a child JVM, the way {@code infra/fms} runs it, with its output in a log file. */
final class LaunchedNode implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(90);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;

    private LaunchedNode(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code mainClass} on {@code dataDir} and returns once it has said it is ready. */
    static LaunchedNode start(Class<?> mainClass, Path dataDir, Map<String, String> env) throws IOException {
        String name = mainClass.getSimpleName();
        Path readyFile = dataDir.resolveSibling(name + ".ready");
        Path log = dataDir.resolveSibling(name + ".log");
        Files.deleteIfExists(readyFile);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                launcherClasspath(),
                mainClass.getName(),
                dataDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put(Launch.READY_FILE_ENV, readyFile.toString());
        LaunchedNode node = new LaunchedNode(name, builder.start(), log);
        try {
            await().atMost(READY_WITHIN)
                    .pollInterval(Duration.ofMillis(100))
                    .failFast(name + " exited before it was ready; see " + log, () -> !node.process.isAlive())
                    .until(() -> Files.exists(readyFile));
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** SIGTERM, as {@code infra/fms down} sends it, and waits for a clean exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not stop within " + STOP_WITHIN + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module's classes and the classpath the build wrote for {@code infra/fms}; failsafe runs in infra/. */
    private static String launcherClasspath() {
        try {
            String dependencies =
                    Files.readString(Path.of("target", "launcher.classpath")).trim();
            return Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "run the build's package phase first: it writes target/launcher.classpath", e);
        }
    }
}
