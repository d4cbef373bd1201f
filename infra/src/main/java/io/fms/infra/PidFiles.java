package io.fms.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/** The process a server's pid file names, if it still runs and is that server (pids are reused). */
final class PidFiles {

    private PidFiles() {}

    /** The live process of the pid file's first line whose command passes {@code isServer}. */
    static Optional<ProcessHandle> process(Path pidFile, Predicate<String> isServer) throws IOException {
        return Files.readAllLines(pidFile).stream()
                .findFirst()
                .map(String::trim)
                .map(Long::parseLong)
                .flatMap(ProcessHandle::of)
                .filter(process -> isServer.test(process.info().command().orElse("")));
    }
}
