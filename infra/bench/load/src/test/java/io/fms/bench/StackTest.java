package io.fms.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench finds the stack as infra/fms does: its defaults, the caller's variables, existing infrastructure. */
class StackTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void theLocalStackByDefault() {
        Stack stack = Stack.fromEnvironment(ROOT, Map.of());

        assertThat(stack)
                .isEqualTo(new Stack(
                        ROOT,
                        URI.create("http://localhost:3000"),
                        null,
                        "localhost:9092",
                        "jdbc:postgresql://localhost:5432/fms",
                        "fms",
                        "fms",
                        "localhost",
                        6379));
        assertThat(stack.pidFile("booking-api")).isEqualTo(Path.of("/repo/.fms/run/booking-api.pid"));
        assertThat(stack.dataDir("postgres")).isEqualTo(Path.of("/repo/.fms/data/postgres"));
        assertThat(stack.logsDir()).isEqualTo(Path.of("/repo/.fms/logs"));
    }

    @Test
    void movedPortsAndExistingInfrastructure() {
        Stack moved = Stack.fromEnvironment(
                ROOT,
                Map.of(
                        "FMS_API_PORT", "4000",
                        "FMS_LOCAL_KAFKA_PORT", "19092",
                        "FMS_LOCAL_POSTGRES_PORT", "6543",
                        "FMS_REDIS_PORT", "6380",
                        "FMS_ADMIN_API_KEY", "key"));
        Stack external = Stack.fromEnvironment(
                ROOT,
                Map.of(
                        "FMS_KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                        "FMS_POSTGRES_URL", "jdbc:postgresql://db/fms",
                        "FMS_POSTGRES_USER", "ada",
                        "FMS_REDIS_HOST", "cache",
                        "FMS_LOCAL_REDIS_PORT", "7000"));

        assertThat(moved.api()).isEqualTo(URI.create("http://localhost:4000"));
        assertThat(moved.kafkaBootstrapServers()).isEqualTo("localhost:19092");
        assertThat(moved.postgresUrl()).isEqualTo("jdbc:postgresql://localhost:6543/fms");
        assertThat(moved.redisPort())
                .as("the local Redis moves with FMS_REDIS_PORT too")
                .isEqualTo(6380);
        assertThat(moved.adminKey()).isEqualTo("key");
        assertThat(external.kafkaBootstrapServers()).isEqualTo("broker:9092");
        assertThat(external.postgresUrl()).isEqualTo("jdbc:postgresql://db/fms");
        assertThat(external.postgresUser()).isEqualTo("ada");
        assertThat(external.redisHost()).isEqualTo("cache");
        assertThat(external.redisPort()).isEqualTo(6379);
    }
}
