package io.fms.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the local stack is: the addresses and state layout of {@code infra/lib/stack.env} (a copy of it is packaged
 * with this class), with the environment applied as {@code infra/fms} applies it: an {@code FMS_*} variable that is
 * set and not blank wins over the file. The launchers, the bench and the fault suite all ask here, so each finds the
 * stack {@code infra/fms up} started in the same shell.
 *
 * <p>Only JDK classes: the bench and the fault suite depend on this module without its dependencies.
 */
public final class StackAddresses {

    private static final Pattern LINE = Pattern.compile("[A-Z][A-Z0-9_]*=\\S*");
    private static final Map<String, String> PACKAGED = packaged();

    private final Map<String, String> file;
    private final Map<String, String> env;

    StackAddresses(Map<String, String> file, Map<String, String> env) {
        this.file = Map.copyOf(file);
        this.env = Map.copyOf(env);
    }

    public static StackAddresses fromEnvironment() {
        return of(System.getenv());
    }

    /** @param env the environment to apply, in place of the process's own */
    public static StackAddresses of(Map<String, String> env) {
        return new StackAddresses(PACKAGED, env);
    }

    /** The variable's value: the environment's when set and not blank, else the file's. */
    public String value(String variable) {
        String given = given(variable);
        return given != null ? given : fileValue(variable);
    }

    /** What the file says, whatever the environment says. */
    public String fileValue(String name) {
        String value = file.get(name);
        if (value == null) {
            throw new IllegalStateException("infra/lib/stack.env has no " + name);
        }
        return value;
    }

    public int apiPort() {
        return port("FMS_API_PORT");
    }

    public int processorPort() {
        return port("FMS_PROCESSOR_PORT");
    }

    public int workerPort() {
        return port("FMS_WORKER_PORT");
    }

    /** booking-api's base URI. */
    public URI api() {
        return URI.create("http://localhost:" + apiPort());
    }

    public int kafkaPort() {
        return port("FMS_LOCAL_KAFKA_PORT");
    }

    public int kafkaControllerPort() {
        return port("FMS_LOCAL_KAFKA_CONTROLLER_PORT");
    }

    /** An existing cluster's ({@code FMS_KAFKA_BOOTSTRAP_SERVERS}), else the local broker. */
    public String kafkaBootstrapServers() {
        String external = given("FMS_KAFKA_BOOTSTRAP_SERVERS");
        return external != null ? external : "localhost:" + kafkaPort();
    }

    /** The nodes of {@code infra/fms up --cluster}, 1 to {@value #CLUSTER_NODES}. */
    public static final int CLUSTER_NODES = 3;

    /** Client port of Kafka node {@code node} of the cluster. */
    public int kafkaClusterPort(int node) {
        return port("FMS_LOCAL_KAFKA_" + clusterNode(node) + "_PORT");
    }

    public int kafkaClusterControllerPort(int node) {
        return port("FMS_LOCAL_KAFKA_" + clusterNode(node) + "_CONTROLLER_PORT");
    }

    /** Port of Redis Cluster master {@code node}. */
    public int redisClusterPort(int node) {
        return port("FMS_LOCAL_REDIS_" + clusterNode(node) + "_PORT");
    }

    /** Every Kafka node of the cluster, as the services' {@code FMS_KAFKA_BOOTSTRAP_SERVERS}. */
    public String kafkaClusterBootstrapServers() {
        List<String> nodes = new ArrayList<>();
        for (int node = 1; node <= CLUSTER_NODES; node++) {
            nodes.add("localhost:" + kafkaClusterPort(node));
        }
        return String.join(",", nodes);
    }

    /** Whether {@code infra/fms up --cluster} runs the stack under {@code root}. */
    public boolean clustered(Path root) {
        return Files.exists(root.resolve(fileValue("CLUSTER_MARKER_FILE")));
    }

    private static int clusterNode(int node) {
        if (node < 1 || node > CLUSTER_NODES) {
            throw new IllegalArgumentException("cluster nodes are 1 to " + CLUSTER_NODES + ", not " + node);
        }
        return node;
    }

    public int postgresPort() {
        return port("FMS_LOCAL_POSTGRES_PORT");
    }

    /** The database the local server creates. */
    public String postgresDatabase() {
        return fileValue("POSTGRES_DATABASE");
    }

    /** An existing server's ({@code FMS_POSTGRES_URL}), else the local one's. */
    public String postgresUrl() {
        String external = given("FMS_POSTGRES_URL");
        return external != null ? external : "jdbc:postgresql://localhost:" + postgresPort() + "/" + postgresDatabase();
    }

    public String postgresUser() {
        return value("FMS_POSTGRES_USER");
    }

    public String postgresPassword() {
        return value("FMS_POSTGRES_PASSWORD");
    }

    /** The port the local Redis listens on: {@code FMS_LOCAL_REDIS_PORT}, else {@code FMS_REDIS_PORT}. */
    public int localRedisPort() {
        return localPort("FMS_LOCAL_REDIS_PORT", "FMS_REDIS_PORT");
    }

    /** An existing Redis's host ({@code FMS_REDIS_HOST}), else the local one's. */
    public String redisHost() {
        String external = given("FMS_REDIS_HOST");
        return external != null ? external : "localhost";
    }

    /** The port a client of {@link #redisHost} uses. */
    public int redisPort() {
        return given("FMS_REDIS_HOST") != null ? port("FMS_REDIS_PORT") : localRedisPort();
    }

    /** The port the local mail sink takes SMTP on: {@code FMS_LOCAL_SMTP_PORT}, else {@code FMS_SMTP_PORT}. */
    public int localSmtpPort() {
        return localPort("FMS_LOCAL_SMTP_PORT", "FMS_SMTP_PORT");
    }

    /** A local server's port: its own variable, else the one its clients are given, else the file's. */
    private int localPort(String own, String clients) {
        return given(own) == null && given(clients) != null ? port(clients) : port(own);
    }

    public int imapPort() {
        return port("FMS_LOCAL_IMAP_PORT");
    }

    public int pop3Port() {
        return port("FMS_LOCAL_POP3_PORT");
    }

    /** A TCP port from the variable or the file. */
    public int port(String variable) {
        String value = value(variable);
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(variable + " must be a TCP port (1-65535), not '" + value + "'");
    }

    /** Where infra/fms keeps PID files, logs and data, under the repository root. */
    public Path stateDir(Path root) {
        return root.resolve(fileValue("STATE_DIR"));
    }

    /** The PID file infra/fms keeps for a component it started; absent for anything external. */
    public Path pidFile(Path root, String component) {
        return root.resolve(fileValue("RUN_DIR")).resolve(component + ".pid");
    }

    public Path logsDir(Path root) {
        return root.resolve(fileValue("LOGS_DIR"));
    }

    public Path logFile(Path root, String component) {
        return logsDir(root).resolve(component + ".log");
    }

    public Path dataDir(Path root, String component) {
        return root.resolve(fileValue("DATA_DIR")).resolve(component);
    }

    /** The caller's {@code FMS_ADMIN_API_KEY}, else the one infra/fms generated and keeps; null if neither. */
    public String adminKey(Path root) {
        String given = given("FMS_ADMIN_API_KEY");
        if (given != null) {
            return given;
        }
        Path kept = root.resolve(fileValue("ADMIN_KEY_FILE"));
        if (!Files.isReadable(kept)) {
            return null;
        }
        try {
            return Files.readString(kept).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String given(String variable) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? null : value;
    }

    /** The file's entries; a line that is neither blank, a comment nor NAME=value is refused, as infra/fms does. */
    static Map<String, String> parse(List<String> lines) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!LINE.matcher(line).matches()) {
                throw new IllegalStateException("infra/lib/stack.env: not NAME=value: " + line);
            }
            int equals = line.indexOf('=');
            entries.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return entries;
    }

    private static Map<String, String> packaged() {
        try (InputStream in = StackAddresses.class.getResourceAsStream("stack.env")) {
            if (in == null) {
                throw new IllegalStateException("stack.env is not packaged next to " + StackAddresses.class.getName()
                        + " (the infra module's build copies it from infra/lib)");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
