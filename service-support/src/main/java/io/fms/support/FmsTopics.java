package io.fms.support;

import io.fms.events.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The FMS topics, created at start when missing, with the layout of the settings, and never changed afterwards in
 * their partition count. A trip's commands must all be on one partition, where one thread owns the trip; a topic
 * with more partitions would send a trip's new commands elsewhere while its old ones still wait, and two threads
 * would hold two inventories of one trip. So the command topic's partition count, fixed when it is created, is the
 * count the system lives with: a service whose {@code fms.kafka.command-partitions} differs from it refuses to
 * start, and refuses to publish or decide should the topic change under it ({@link #requireCommandPartitions}).
 * The command topic keeps its records for ever (no retention by age or size): a command the processor has not
 * decided must never be deleted; the processor's own offsets, in Postgres, say what has been decided. Its records
 * carry the time the broker appended them ({@code message.timestamp.type=LogAppendTime}), whatever the producer
 * says: that time is "now" for every rule with a clock in it (a hold's deadline, a departure), so that whether a
 * payment beat its deadline follows from the log alone, the same on every replay.
 */
public class FmsTopics implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FmsTopics.class);

    /** Dead letters are few and read by people: one partition keeps them in the order they were set aside. */
    static final int DEAD_LETTER_PARTITIONS = 1;

    private static final long TIMEOUT_MS = 10_000;

    /** What the command topic must say, set when it is created and put right when it says otherwise. */
    static final Map<String, String> COMMAND_TOPIC_CONFIG = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1",
            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");

    /** Seat changes matter only while streams follow them; an hour covers any reconnect. */
    static final String SEAT_CHANGES_RETENTION_MS = "3600000";

    private final KafkaAdmin kafkaAdmin;
    private final FmsKafkaProperties kafka;

    public FmsTopics(KafkaAdmin kafkaAdmin, FmsKafkaProperties kafka) {
        this.kafkaAdmin = kafkaAdmin;
        this.kafka = kafka;
    }

    /**
     * Throws when the command topic has not the partitions the settings say: the same trip would hash to different
     * partitions in different places.
     */
    public static void requireCommandPartitions(int topicPartitions, int configuredPartitions) {
        if (topicPartitions != configuredPartitions) {
            throw new CommandPartitionsMismatch(topicPartitions, configuredPartitions);
        }
    }

    /** The command topic and the setting disagree on the partition count. */
    public static final class CommandPartitionsMismatch extends IllegalStateException {
        CommandPartitionsMismatch(int topicPartitions, int configuredPartitions) {
            super(Topics.BOOKING_COMMANDS + " has " + topicPartitions + " partitions, but FMS_COMMAND_PARTITIONS"
                    + " (fms.kafka.command-partitions) is " + configuredPartitions + ". Every service must use the"
                    + " topic's count: set FMS_COMMAND_PARTITIONS=" + topicPartitions + ". FMS never changes a"
                    + " topic's partition count itself, since that would move trips between partitions while"
                    + " their commands wait (docs/scaling.md says how to change it).");
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            ensure(admin);
        } catch (TimeoutException e) {
            // Services start without Kafka (and answer 503 until it is back); each checks the partition count again
            // where it publishes or decides.
            log.warn("Kafka did not answer within {} ms: the FMS topics are checked when it does", TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn(
                    "Could not check the FMS topics, checked again when Kafka answers: {}",
                    e.getCause().toString());
        }
    }

    /** Creates what is missing, then checks the command topic's partitions and retention. */
    void ensure(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        List<NewTopic> wanted = List.of(
                topic(Topics.BOOKING_COMMANDS, kafka.commandPartitions()).configs(commandTopicConfig()),
                topic(Topics.BOOKING_EVENTS, kafka.eventPartitions()),
                topic(Topics.BOOKING_COMMANDS_DLT, DEAD_LETTER_PARTITIONS),
                // Read live by the API's seat streams, which reload from Postgres when they miss something.
                topic(Topics.SEAT_CHANGES, kafka.commandPartitions())
                        .configs(Map.of(
                                TopicConfig.RETENTION_MS_CONFIG,
                                SEAT_CHANGES_RETENTION_MS,
                                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                                minInSyncReplicas())),
                topic(Topics.NOTIFICATIONS_DLT, DEAD_LETTER_PARTITIONS));
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        List<NewTopic> missing = new ArrayList<>();
        wanted.stream().filter(topic -> !existing.contains(topic.name())).forEach(missing::add);
        if (!missing.isEmpty()) {
            create(admin, missing);
        }
        TopicDescription commands = admin.describeTopics(
                        List.of(Topics.BOOKING_COMMANDS), new DescribeTopicsOptions().timeoutMs((int) TIMEOUT_MS))
                .allTopicNames()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .get(Topics.BOOKING_COMMANDS);
        requireCommandPartitions(commands.partitions().size(), kafka.commandPartitions());
        putCommandTopicRight(admin);
    }

    private Map<String, String> commandTopicConfig() {
        Map<String, String> config = new HashMap<>(COMMAND_TOPIC_CONFIG);
        config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSyncReplicas());
        return config;
    }

    private static void create(Admin admin, Collection<NewTopic> missing)
            throws InterruptedException, TimeoutException, ExecutionException {
        try {
            admin.createTopics(missing).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            log.info("Created {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            // Another service started at the same moment and created them first: the check that follows decides.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /**
     * A command topic made before FMS set its configuration (or by hand) may have Kafka's 7 days of retention, or the
     * producer's timestamps: put it right.
     */
    private static void putCommandTopicRight(Admin admin)
            throws InterruptedException, TimeoutException, ExecutionException {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.BOOKING_COMMANDS);
        Config config = admin.describeConfigs(List.of(topic), new DescribeConfigsOptions().timeoutMs((int) TIMEOUT_MS))
                .all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .get(topic);
        List<AlterConfigOp> lifts = new ArrayList<>();
        COMMAND_TOPIC_CONFIG.forEach((name, wanted) -> {
            ConfigEntry entry = config.get(name);
            if (entry == null || !wanted.equals(entry.value())) {
                lifts.add(new AlterConfigOp(new ConfigEntry(name, wanted), AlterConfigOp.OpType.SET));
            }
        });
        if (lifts.isEmpty()) {
            return;
        }
        try {
            admin.incrementalAlterConfigs(Map.of(topic, lifts)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            log.warn(
                    "{} now keeps every command until it is decided and stamps records with their append time ({})",
                    topic.name(),
                    lifts.stream().map(op -> op.configEntry().name()).toList());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw e;
            }
            log.error(
                    "{} deletes records by age or size or takes the producers' timestamps, and this service may not"
                            + " change that: an undecided command could be lost, a deadline judged by a client's"
                            + " clock. Set retention.ms=-1, retention.bytes=-1, message.timestamp.type=LogAppendTime"
                            + " on it. ({})",
                    topic.name(),
                    e.getCause().toString());
        }
    }

    private NewTopic topic(String name, int partitions) {
        return new NewTopic(name, partitions, kafka.replicationFactor())
                // With replicas, acks=all means "on at least two brokers"; on one local broker, on that one.
                .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSyncReplicas()));
    }

    private String minInSyncReplicas() {
        return String.valueOf(Math.min(2, kafka.replicationFactor()));
    }
}
