package io.fms.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class RealInfrastructureIT {

    @Test
    void postgresServesSeparateDatabasesOnVersion17() throws Exception {
        String first = TestPostgres.freshDatabaseUrl();
        String second = TestPostgres.freshDatabaseUrl();
        assertThat(first).isNotEqualTo(second);
        try (var connection = DriverManager.getConnection(first, TestPostgres.USER, TestPostgres.PASSWORD);
                ResultSet rs = connection.createStatement().executeQuery("SHOW server_version_num")) {
            rs.next();
            assertThat(rs.getInt(1)).isBetween(170000, 179999);
        }
    }

    @Test
    void redisAnswers() {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + TestRedis.port());
        try (var connection = client.connect()) {
            connection.sync().set("testkit", "ok");
            assertThat(connection.sync().get("testkit")).isEqualTo("ok");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void redisClusterSpreadsTheSlotsOverThreeMastersAndRefusesCrossSlotCommands() {
        List<Integer> ports = TestRedisCluster.ports();
        assertThat(ports).hasSize(TestRedisCluster.MASTERS).doesNotHaveDuplicates();
        for (int port : ports) {
            String info = TestRedisCluster.onNode(port, commands -> commands.clusterInfo());
            assertThat(info).contains("cluster_state:ok", "cluster_slots_assigned:16384", "cluster_size:3");
        }
        RedisClusterClient client = RedisClusterClient.create(
                ports.stream().map(port -> RedisURI.create("127.0.0.1", port)).toList());
        try (var connection = client.connect()) {
            // Two keys on different masters: one script call over both is what a cluster refuses.
            assertThat(SlotHash.getSlot("a") / (16384 / 3)).isNotEqualTo(SlotHash.getSlot("b") / (16384 / 3));
            assertThat(connection
                            .sync()
                            .eval("return 1", ScriptOutputType.INTEGER, "a")
                            .toString())
                    .isEqualTo("1");
            assertThatThrownBy(() -> connection.sync().eval("return 1", ScriptOutputType.INTEGER, "a", "b"))
                    .hasMessageContaining("CROSSSLOT");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void kafkaCreatesTopics() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("testkit.probe", 3, (short) 1)))
                    .all()
                    .get();
            var description = admin.describeTopics(List.of("testkit.probe"))
                    .allTopicNames()
                    .get()
                    .get("testkit.probe");
            assertThat(description.partitions()).hasSize(3);
        }
    }
}
