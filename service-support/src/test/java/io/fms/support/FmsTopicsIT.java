package io.fms.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fms.events.Topics;
import io.fms.testkit.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics against a real broker: created once with the settings' layout, never repartitioned by a service. */
class FmsTopicsIT {

    // What FmsServiceSupportIT's context uses on this broker too, whichever runs first.
    private static final int PARTITIONS = 6;

    private final Map<String, Object> broker =
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());

    @Test
    void aServiceWhoseSettingDiffersFromTheTopicRefusesAndLeavesTheTopicAlone() throws Exception {
        try (Admin admin = Admin.create(broker)) {
            topics(PARTITIONS).ensure(admin);
            assertThat(commandPartitions(admin)).isEqualTo(PARTITIONS);

            assertThatThrownBy(() -> topics(PARTITIONS + 2).ensure(admin))
                    .isInstanceOf(FmsTopics.CommandPartitionsMismatch.class)
                    .hasMessageContaining("has " + PARTITIONS + " partitions")
                    .hasMessageContaining("FMS_COMMAND_PARTITIONS=" + PARTITIONS);

            assertThat(commandPartitions(admin)).as("never grown").isEqualTo(PARTITIONS);
        }
    }

    @Test
    void theCommandTopicKeepsEveryRecordAndStampsAppendTimeEvenIfSomeoneChangedThat() throws Exception {
        try (Admin admin = Admin.create(broker)) {
            topics(PARTITIONS).ensure(admin);
            assertThat(config(admin, TopicConfig.RETENTION_MS_CONFIG)).isEqualTo("-1");
            assertThat(config(admin, TopicConfig.RETENTION_BYTES_CONFIG)).isEqualTo("-1");
            assertThat(config(admin, TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG)).isEqualTo("LogAppendTime");

            admin.incrementalAlterConfigs(Map.of(
                            commandTopic(),
                            List.of(
                                    new AlterConfigOp(
                                            new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "604800000"),
                                            AlterConfigOp.OpType.SET),
                                    new AlterConfigOp(
                                            new ConfigEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime"),
                                            AlterConfigOp.OpType.SET))))
                    .all()
                    .get(10, TimeUnit.SECONDS);
            // Config changes reach the broker's view a moment later.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> config(admin, TopicConfig.RETENTION_MS_CONFIG).equals("604800000")
                            && config(admin, TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG)
                                    .equals("CreateTime"));

            topics(PARTITIONS).ensure(admin);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(config(admin, TopicConfig.RETENTION_MS_CONFIG)).isEqualTo("-1");
                assertThat(config(admin, TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG))
                        .isEqualTo("LogAppendTime");
            });
        }
    }

    @Test
    void theCheckAtRuntimeNamesBothCounts() {
        FmsTopics.requireCommandPartitions(12, 12);
        assertThatThrownBy(() -> FmsTopics.requireCommandPartitions(16, 12))
                .hasMessageContaining("has 16 partitions")
                .hasMessageContaining("is 12");
    }

    private FmsTopics topics(int commandPartitions) {
        return new FmsTopics(new KafkaAdmin(broker), new FmsKafkaProperties(commandPartitions, 12, (short) 1, 3000));
    }

    private static int commandPartitions(Admin admin) throws Exception {
        return admin.describeTopics(List.of(Topics.BOOKING_COMMANDS))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .get(Topics.BOOKING_COMMANDS)
                .partitions()
                .size();
    }

    private static String config(Admin admin, String name) throws Exception {
        return admin.describeConfigs(List.of(commandTopic()))
                .all()
                .get(10, TimeUnit.SECONDS)
                .get(commandTopic())
                .get(name)
                .value();
    }

    private static ConfigResource commandTopic() {
        return new ConfigResource(ConfigResource.Type.TOPIC, Topics.BOOKING_COMMANDS);
    }
}
