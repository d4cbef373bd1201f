package io.fms.bench;

import io.fms.infra.StackAddresses;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the running system is. {@link #fromEnvironment} finds it as {@code infra/fms} does ({@link StackAddresses}),
 * so a bench run finds the stack that {@code infra/fms up} started in the same shell.
 *
 * @param root the repository root: {@code .fms/} (PID files, admin key) and the baselines jar are found from it
 */
public record Stack(
        Path root,
        URI api,
        String adminKey,
        String kafkaBootstrapServers,
        String postgresUrl,
        String postgresUser,
        String postgresPassword,
        String redisHost,
        int redisPort) {

    public static Stack fromEnvironment(Path root) {
        return fromEnvironment(root, System.getenv());
    }

    static Stack fromEnvironment(Path root, Map<String, String> env) {
        StackAddresses addresses = StackAddresses.of(env);
        return new Stack(
                root,
                addresses.api(),
                addresses.adminKey(root),
                addresses.kafkaBootstrapServers(),
                addresses.postgresUrl(),
                addresses.postgresUser(),
                addresses.postgresPassword(),
                addresses.redisHost(),
                addresses.redisPort());
    }

    /** The same stack with booking-api at another base URL (a staging API, say). */
    public Stack withApi(URI otherApi) {
        return new Stack(
                root,
                otherApi,
                adminKey,
                kafkaBootstrapServers,
                postgresUrl,
                postgresUser,
                postgresPassword,
                redisHost,
                redisPort);
    }

    /** The PID file infra/fms keeps for each component it started; absent for anything external. */
    Path pidFile(String component) {
        return StackAddresses.fromEnvironment().pidFile(root, component);
    }

    Path dataDir(String component) {
        return StackAddresses.fromEnvironment().dataDir(root, component);
    }

    Path logsDir() {
        return StackAddresses.fromEnvironment().logsDir(root);
    }
}
