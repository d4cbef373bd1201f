package io.fms.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * What every launcher shares: where its data lives, how it tells {@code infra/fms} that it is ready, and how it stays
 * in the foreground until SIGTERM. Its ports are {@link StackAddresses}'.
 */
final class Launch {

    /** Environment variable naming the directory under which each launcher keeps its own subdirectory. */
    static final String DATA_DIR_ENV = "FMS_LOCAL_DATA_DIR";

    /** Environment variable naming a file a launcher creates once it serves, and removes when it stops. */
    static final String READY_FILE_ENV = "FMS_LOCAL_READY_FILE";

    private Launch() {}

    /**
     * The launcher's data directory: the first argument, else {@code $FMS_LOCAL_DATA_DIR/<component>}. Created if
     * absent, so a first start and a restart look the same to the caller.
     */
    static Path dataDir(String[] args, String component) {
        Path dir;
        if (args.length > 0 && !args[0].isBlank()) {
            dir = Path.of(args[0]);
        } else if (System.getenv(DATA_DIR_ENV) != null) {
            dir = Path.of(System.getenv(DATA_DIR_ENV), component);
        } else {
            System.err.println("usage: java io.fms.infra.<Node> <data directory>  (or set " + DATA_DIR_ENV + ")");
            System.exit(2);
            throw new AssertionError("unreachable");
        }
        try {
            return Files.createDirectories(dir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
    }

    /**
     * Says the component serves. A port that answers is not enough for the script: Postgres answers before the
     * application role exists, Kafka's socket opens before the broker is unfenced.
     */
    static void ready(String what) {
        System.out.println("READY " + what);
        String readyFile = System.getenv(READY_FILE_ENV);
        if (readyFile != null && !readyFile.isBlank()) {
            Path file = Path.of(readyFile);
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, ProcessHandle.current().pid() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write ready file " + file, e);
            }
            file.toFile().deleteOnExit();
        }
    }

    /** Runs {@code stop} when the JVM is asked to exit (SIGTERM, SIGINT), then blocks the caller until then. */
    static void runUntilTerminated(String name, Runnable stop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping " + name);
                            try {
                                stop.run();
                            } finally {
                                stopped.countDown();
                            }
                        },
                        name + "-stop"));
        stopped.await();
    }
}
