package io.fms.chaos;

import io.fms.infra.StackAddresses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run is told: by the environment (the stack's addresses as infra/fms finds them, the admin key, the root
 * infra/fms runs from) and by its caller (faults, rate, duration). Every knob has a bound, so a typo cannot start a
 * flood or an hour-long wait.
 */
record Settings(
        Path root,
        List<Fault> faults,
        int ratePerSecond,
        int durationS,
        int drainTimeoutS,
        Path reportDir,
        boolean updateDocs,
        String apiBase,
        String adminKey,
        String kafkaBootstrap,
        String postgresUrl,
        String postgresUser,
        String postgresPassword) {

    static final int RATE_MAX = 200;
    static final int DURATION_MAX_S = 600;
    /** Where reports go unless --out says otherwise, relative to the root: beside the stack's state, out of git. */
    static final String REPORT_DIR_DEFAULT = ".fms/chaos";

    static final String USAGE = """
            usage: infra/fms chaos [fault ...] [--cluster] [--rate R] [--duration S] [--drain-timeout S]
                                   [--out DIR] [--update-docs]
              faults (default: 1-8, in this order; with --cluster 9-11; by name or number):
            """ + Faults.usage() + """
              --rate R             booking requests per second (default 10, at most 200)
              --duration S         seconds of load per fault (default 60, 20 to 600)
              --drain-timeout S    how long every accepted request may take to be decided (default 240)
              --cluster            the cluster's faults, against infra/fms up --cluster
              --out DIR            where the report goes (default .fms/chaos/ under the repository root)
              --update-docs        also append the table to docs/reliability.md (for a run worth keeping)
            Runs against the stack infra/fms up started; exits 1 if any check fails.""";

    static Settings parse(String[] args) {
        return parse(args, System.getenv());
    }

    static Settings parse(String[] args, Map<String, String> env) {
        List<Fault> faults = new ArrayList<>();
        int rate = 10;
        int duration = 60;
        int drainTimeout = 240;
        String out = null;
        boolean updateDocs = false;
        boolean cluster = false;
        for (int index = 0; index < args.length; index++) {
            String arg = args[index];
            switch (arg) {
                case "--rate" -> rate = bounded(value(args, ++index, arg), 1, RATE_MAX, arg);
                case "--duration" -> duration = bounded(value(args, ++index, arg), 20, DURATION_MAX_S, arg);
                case "--drain-timeout" -> drainTimeout = bounded(value(args, ++index, arg), 30, 1800, arg);
                case "--out" -> out = directory(value(args, ++index, arg), arg);
                case "--update-docs" -> updateDocs = true;
                case "--cluster" -> cluster = true;
                case "--help", "-h" -> throw new UsageException(null);
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    faults.add(Faults.named(arg));
                }
            }
        }
        String rootDir = env.get("FMS_CHAOS_ROOT");
        Path root = Path.of(rootDir == null || rootDir.isBlank() ? "." : rootDir);
        StackAddresses addresses = StackAddresses.of(env);
        boolean clustered = addresses.clustered(root);
        if (cluster && !clustered) {
            throw new UsageException("--cluster needs the stack of infra/fms up --cluster");
        }
        if (faults.isEmpty()) {
            faults.addAll(cluster ? Faults.CLUSTER : Faults.ALL);
        }
        String adminKey = addresses.adminKey(root);
        return new Settings(
                root,
                List.copyOf(faults),
                rate,
                duration,
                drainTimeout,
                out == null ? root.resolve(REPORT_DIR_DEFAULT) : Path.of(out),
                updateDocs,
                addresses.api().toString(),
                adminKey == null ? "" : adminKey,
                clustered ? addresses.kafkaClusterBootstrapServers() : addresses.kafkaBootstrapServers(),
                addresses.postgresUrl(),
                addresses.postgresUser(),
                addresses.postgresPassword());
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static String directory(String text, String option) {
        if (text.isBlank() || text.startsWith("-")) {
            throw new UsageException(option + " needs a directory, not '" + text + "'");
        }
        return text;
    }

    private static int bounded(String text, int min, int max, String option) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UsageException(option + " takes a number from " + min + " to " + max + ", not '" + text + "'");
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
