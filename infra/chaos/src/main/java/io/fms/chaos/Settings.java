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
        boolean writeDoc,
        String apiBase,
        String adminKey,
        String kafkaBootstrap,
        String postgresUrl,
        String postgresUser,
        String postgresPassword) {

    static final int RATE_MAX = 200;
    static final int DURATION_MAX_S = 600;

    static final String USAGE = """
            usage: infra/fms chaos [fault ...] [--cluster] [--rate R] [--duration S] [--drain-timeout S] [--no-doc]
              faults (default: 1-8, in this order; with --cluster 9-11; by name or number):
            """ + Faults.usage() + """
              --rate R             booking requests per second (default 10, at most 200)
              --duration S         seconds of load per fault (default 60, 20 to 600)
              --drain-timeout S    how long every accepted request may take to be decided (default 240)
              --cluster            the cluster's faults, against infra/fms up --cluster
              --no-doc             do not append the table to docs/reliability.md
            Runs against the stack infra/fms up started; exits 1 if any check fails.""";

    static Settings parse(String[] args) {
        return parse(args, System.getenv());
    }

    static Settings parse(String[] args, Map<String, String> env) {
        List<Fault> faults = new ArrayList<>();
        int rate = 10;
        int duration = 60;
        int drainTimeout = 240;
        boolean writeDoc = true;
        boolean cluster = false;
        for (int index = 0; index < args.length; index++) {
            String arg = args[index];
            switch (arg) {
                case "--rate" -> rate = bounded(value(args, ++index, arg), 1, RATE_MAX, arg);
                case "--duration" -> duration = bounded(value(args, ++index, arg), 20, DURATION_MAX_S, arg);
                case "--drain-timeout" -> drainTimeout = bounded(value(args, ++index, arg), 30, 1800, arg);
                case "--no-doc" -> writeDoc = false;
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
                writeDoc,
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
