package io.fms.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's addresses with the environment applied as infra/fms applies it. */
class StackAddressesTest {

    @TempDir
    Path root;

    @Test
    void thePackagedFileIsInfraLibStackEnv() throws IOException {
        // Surefire runs in the module directory, infra/.
        Map<String, String> source = StackAddresses.parse(Files.readAllLines(Path.of("lib", "stack.env")));

        StackAddresses addresses = StackAddresses.of(Map.of());
        source.forEach(
                (name, value) -> assertThat(addresses.fileValue(name)).as(name).isEqualTo(value));
    }

    @Test
    void withNothingSetEveryAddressIsTheLocalStacks() {
        StackAddresses addresses = StackAddresses.of(Map.of());

        assertThat(addresses.api()).isEqualTo(URI.create("http://localhost:3000"));
        assertThat(List.of(addresses.processorPort(), addresses.workerPort())).containsExactly(3001, 3002);
        assertThat(addresses.kafkaBootstrapServers()).isEqualTo("localhost:9092");
        assertThat(addresses.kafkaControllerPort()).isEqualTo(9093);
        assertThat(addresses.postgresUrl()).isEqualTo("jdbc:postgresql://localhost:5432/fms");
        assertThat(List.of(addresses.postgresUser(), addresses.postgresPassword()))
                .containsExactly("fms", "fms");
        assertThat(addresses.redisHost()).isEqualTo("localhost");
        assertThat(addresses.redisPort()).isEqualTo(6379);
        assertThat(List.of(addresses.localSmtpPort(), addresses.imapPort(), addresses.pop3Port()))
                .containsExactly(3025, 3143, 3110);
    }

    @Test
    void aVariableSetAndNotBlankWins() {
        StackAddresses addresses = StackAddresses.of(Map.of(
                "FMS_API_PORT", "4000",
                "FMS_LOCAL_KAFKA_PORT", "19092",
                "FMS_LOCAL_POSTGRES_PORT", " ",
                "FMS_POSTGRES_USER", "ada"));

        assertThat(addresses.api()).isEqualTo(URI.create("http://localhost:4000"));
        assertThat(addresses.kafkaBootstrapServers()).isEqualTo("localhost:19092");
        assertThat(addresses.postgresUrl()).isEqualTo("jdbc:postgresql://localhost:5432/fms");
        assertThat(addresses.postgresUser()).isEqualTo("ada");
        assertThat(addresses.fileValue("FMS_POSTGRES_USER")).isEqualTo("fms");
    }

    @Test
    void existingInfrastructureReplacesTheLocalAddresses() {
        StackAddresses addresses = StackAddresses.of(Map.of(
                "FMS_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "FMS_POSTGRES_URL", "jdbc:postgresql://db:6543/bookings",
                "FMS_REDIS_HOST", "cache",
                "FMS_LOCAL_REDIS_PORT", "7000"));

        assertThat(addresses.kafkaBootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(addresses.postgresUrl()).isEqualTo("jdbc:postgresql://db:6543/bookings");
        assertThat(addresses.redisHost()).isEqualTo("cache");
        assertThat(addresses.redisPort())
                .as("an external Redis's port is FMS_REDIS_PORT's")
                .isEqualTo(6379);
    }

    @Test
    void theLocalRedisAndMailSinkFallBackToTheServicesPortVariables() {
        StackAddresses moved = StackAddresses.of(Map.of("FMS_REDIS_PORT", "6380", "FMS_SMTP_PORT", "2525"));
        StackAddresses both = StackAddresses.of(Map.of(
                "FMS_REDIS_PORT",
                "6380",
                "FMS_LOCAL_REDIS_PORT",
                "6381",
                "FMS_SMTP_PORT",
                "2525",
                "FMS_LOCAL_SMTP_PORT",
                "2526"));

        assertThat(List.of(moved.localRedisPort(), moved.redisPort(), moved.localSmtpPort()))
                .containsExactly(6380, 6380, 2525);
        assertThat(List.of(both.localRedisPort(), both.redisPort(), both.localSmtpPort()))
                .containsExactly(6381, 6381, 2526);
    }

    @Test
    void aPortThatIsNoPortIsRefusedByName() {
        assertThatThrownBy(() -> StackAddresses.of(Map.of("FMS_LOCAL_REDIS_PORT", "70000"))
                        .localRedisPort())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FMS_LOCAL_REDIS_PORT must be a TCP port (1-65535), not '70000'");
    }

    @Test
    void stateLivesUnderTheRootAndTheAdminKeyComesFromTheEnvironmentOrItsFile() throws IOException {
        StackAddresses addresses = StackAddresses.of(Map.of());

        assertThat(addresses.pidFile(root, "kafka")).isEqualTo(root.resolve(".fms/run/kafka.pid"));
        assertThat(addresses.logFile(root, "booking-api")).isEqualTo(root.resolve(".fms/logs/booking-api.log"));
        assertThat(addresses.dataDir(root, "redis")).isEqualTo(root.resolve(".fms/data/redis"));
        assertThat(addresses.adminKey(root)).isNull();

        Files.createDirectories(root.resolve(".fms"));
        Files.writeString(root.resolve(".fms/admin-api-key"), "kept\n");
        assertThat(addresses.adminKey(root)).isEqualTo("kept");
        assertThat(StackAddresses.of(Map.of("FMS_ADMIN_API_KEY", "given")).adminKey(root))
                .isEqualTo("given");
    }

    @Test
    void theClusterNodesMoveOneByOneAndTheMarkerSaysWhetherTheClusterRuns() throws IOException {
        StackAddresses addresses = StackAddresses.of(Map.of("FMS_LOCAL_KAFKA_2_PORT", "19194"));

        assertThat(addresses.kafkaClusterBootstrapServers()).isEqualTo("localhost:9192,localhost:19194,localhost:9196");
        assertThat(addresses.kafkaClusterControllerPort(3)).isEqualTo(9197);
        assertThat(addresses.redisClusterPort(1)).isEqualTo(7001);
        assertThatThrownBy(() -> addresses.redisClusterPort(4)).isInstanceOf(IllegalArgumentException.class);

        assertThat(addresses.clustered(root)).isFalse();
        Files.createDirectories(root.resolve(".fms/run"));
        Files.writeString(root.resolve(".fms/run/cluster"), "");
        assertThat(addresses.clustered(root)).isTrue();
    }

    @Test
    void aLineThatIsNotNameEqualsValueIsRefused() {
        assertThat(StackAddresses.parse(List.of("# comment", "", "FMS_A=1", "B_2=x/y")))
                .containsExactly(Map.entry("FMS_A", "1"), Map.entry("B_2", "x/y"));
        assertThatThrownBy(() -> StackAddresses.parse(List.of("FMS_A = 1")))
                .hasMessageContaining("not NAME=value: FMS_A = 1");
    }
}
