package io.fms.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the running system is: the same environment variables and defaults as {@code infra/fms}, so a bench run finds
 * the stack that {@code infra/fms up} started in the same shell.
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
        String kafka = env.getOrDefault(
                "FMS_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + env.getOrDefault("FMS_LOCAL_KAFKA_PORT", "9092"));
        String postgres = env.getOrDefault(
                "FMS_POSTGRES_URL",
                "jdbc:postgresql://localhost:" + env.getOrDefault("FMS_LOCAL_POSTGRES_PORT", "5432") + "/fms");
        // As infra/fms: an external Redis is FMS_REDIS_HOST:FMS_REDIS_PORT, the local one FMS_LOCAL_REDIS_PORT.
        String redisHost = env.getOrDefault("FMS_REDIS_HOST", "localhost");
        String redisPort = env.containsKey("FMS_REDIS_HOST")
                ? env.getOrDefault("FMS_REDIS_PORT", "6379")
                : env.getOrDefault("FMS_LOCAL_REDIS_PORT", env.getOrDefault("FMS_REDIS_PORT", "6379"));
        String adminKey = env.get("FMS_ADMIN_API_KEY");
        Path keyFile = root.resolve(".fms").resolve("admin-api-key");
        if ((adminKey == null || adminKey.isBlank()) && Files.isReadable(keyFile)) {
            try {
                adminKey = Files.readString(keyFile).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Stack(
                root,
                URI.create("http://localhost:" + env.getOrDefault("FMS_API_PORT", "3000")),
                adminKey,
                kafka,
                postgres,
                env.getOrDefault("FMS_POSTGRES_USER", "fms"),
                env.getOrDefault("FMS_POSTGRES_PASSWORD", "fms"),
                redisHost,
                Integer.parseInt(redisPort));
    }

    /** The PID files infra/fms keeps for each component it started; absent for anything external. */
    Path pidFile(String component) {
        return root.resolve(".fms").resolve("run").resolve(component + ".pid");
    }

    Path dataDir(String component) {
        return root.resolve(".fms").resolve("data").resolve(component);
    }
}
