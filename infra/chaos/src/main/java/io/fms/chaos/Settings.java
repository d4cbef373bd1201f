package io.fms.chaos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run is told: by infra/fms (addresses, ports, the admin key, in the environment) and by its caller (faults,
 * rate, duration). Every knob has a bound, so a typo cannot start a flood or an hour-long wait.
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
            usage: infra/fms chaos [fault ...] [--rate R] [--duration S] [--drain-timeout S] [--no-doc]
              faults (default: all, in this order; by name or number):
                1 processor-kill   kill -9 the processor at random moments, then a clean restart
                2 postgres-stop    Postgres stopped 30 s, then started
                3 kafka-kill       the Kafka broker killed (kill -9), then restarted
                4 redis-flush      Redis stopped, its data deleted, started empty; earlier requests retried
                5 scale            processor instances 1 -> 2 -> 1 -> 2 -> 1, one stalled (SIGSTOP) past its session
                6 redelivery       consumer groups reset to the earliest offset; poison records injected
                7 worker-kill      the notification worker killed mid-delivery (a slow webhook receiver)
              --rate R             booking requests per second (default 10, at most 200)
              --duration S         seconds of load per fault (default 60, 20 to 600)
              --drain-timeout S    how long every accepted request may take to be decided (default 240)
              --no-doc             do not append the table to docs/reliability.md
            Runs against the stack infra/fms up started; exits 1 if any check fails.""";

    static Settings parse(String[] args) {
        List<Fault> faults = new ArrayList<>();
        int rate = 10;
        int duration = 60;
        int drainTimeout = 240;
        boolean writeDoc = true;
        for (int index = 0; index < args.length; index++) {
            String arg = args[index];
            switch (arg) {
                case "--rate" -> rate = bounded(value(args, ++index, arg), 1, RATE_MAX, arg);
                case "--duration" -> duration = bounded(value(args, ++index, arg), 20, DURATION_MAX_S, arg);
                case "--drain-timeout" -> drainTimeout = bounded(value(args, ++index, arg), 30, 1800, arg);
                case "--no-doc" -> writeDoc = false;
                case "--help", "-h" -> throw new UsageException(null);
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    faults.add(Fault.named(arg));
                }
            }
        }
        if (faults.isEmpty()) {
            faults.addAll(List.of(Fault.values()));
        }
        String apiPort = env("FMS_API_PORT", "3000");
        return new Settings(
                Path.of(env("FMS_CHAOS_ROOT", ".")),
                List.copyOf(faults),
                rate,
                duration,
                drainTimeout,
                writeDoc,
                "http://localhost:" + apiPort,
                env("FMS_ADMIN_API_KEY", ""),
                env("FMS_CHAOS_KAFKA", "localhost:9092"),
                env("FMS_CHAOS_POSTGRES_URL", "jdbc:postgresql://localhost:5432/fms"),
                env("FMS_CHAOS_POSTGRES_USER", "fms"),
                env("FMS_CHAOS_POSTGRES_PASSWORD", "fms"));
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

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
