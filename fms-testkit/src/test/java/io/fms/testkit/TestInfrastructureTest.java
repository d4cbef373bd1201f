package io.fms.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TestInfrastructureTest {

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
