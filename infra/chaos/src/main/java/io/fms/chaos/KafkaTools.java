package io.fms.chaos;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka as an operator sees it: end offsets, consumer groups and their assignments, records sent by hand. */
final class KafkaTools implements AutoCloseable {

    /** The services' consumer groups, as their application.yml names them. */
    static final String PROCESSOR_GROUP = "fms-booking-processor";

    static final String WORKER_GROUP = "fms-notification-worker";

    private static final long TIMEOUT_S = 30;

    private final String bootstrap;
    private final Admin admin;

    KafkaTools(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        admin = Admin.create(properties);
    }

    private List<TopicPartition> partitions(String topic) throws Exception {
        return admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(TIMEOUT_S, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions(topic).forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request)
                .all()
                .get(TIMEOUT_S, TimeUnit.SECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** Records ever written to the topic (its end offsets summed); a topic not yet created has none. */
    long records(String topic) {
        try {
            return offsets(topic, OffsetSpec.latest()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        } catch (Exception e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return 0;
            }
            throw new IllegalStateException("end offsets of " + topic + ": " + e, e);
        }
    }

    /** What kafka-consumer-groups --reset-offsets --to-earliest does; the group must have no members. */
    void resetToEarliest(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> earliest = new HashMap<>();
            offsets(topic, OffsetSpec.earliest())
                    .forEach((partition, offset) -> earliest.put(partition, new OffsetAndMetadata(offset)));
            admin.alterConsumerGroupOffsets(group, earliest).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("resetting " + group + " on " + topic + ": " + e, e);
        }
    }

    /**
     * @param instances processes among the members: a processor names its consumers "name.pidN-i", one per consumer
     *     thread, so the members whose client IDs differ only in the trailing "-i" are one instance
     */
    record Assignment(int members, int instances, int partitions) {}

    /** The group's members and the partitions assigned among them, as the coordinator says now. */
    Assignment assignment(String group) {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                    .all()
                    .get(TIMEOUT_S, TimeUnit.SECONDS)
                    .get(group);
            int partitions = 0;
            Set<String> instances = new HashSet<>();
            for (MemberDescription member : description.members()) {
                partitions += member.assignment().topicPartitions().size();
                instances.add(member.clientId().replaceFirst("-\\d+$", ""));
            }
            return new Assignment(description.members().size(), instances.size(), partitions);
        } catch (Exception e) {
            return new Assignment(-1, -1, -1);
        }
    }

    /** Partitions of these topics whose in-sync replicas are fewer than their replicas: a node not caught up. */
    int underReplicated(List<String> topics) {
        try {
            return (int) admin.describeTopics(topics).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS).values().stream()
                    .flatMap(topic -> topic.partitions().stream())
                    .filter(partition ->
                            partition.isr().size() < partition.replicas().size())
                    .count();
        } catch (Exception e) {
            return -1;
        }
    }

    int partitionCount(String topic) {
        try {
            return partitions(topic).size();
        } catch (Exception e) {
            throw new IllegalStateException("partitions of " + topic + ": " + e, e);
        }
    }

    /** Sends records straight into a topic, around the API: how poison gets in. */
    void send(List<ProducerRecord<String, byte[]>> records) {
        Properties properties = producerProperties();
        // At least linger.ms (5 ms by default since Kafka 4) plus request.timeout.ms (30 s), or the producer refuses.
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record).get(TIMEOUT_S, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("sending records: " + e + rootCause(e), e);
        }
    }

    /** A producer as the API's: every in-sync replica acknowledges, and a retry never writes a record twice. */
    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return properties;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? "" : " (" + cause + ")";
    }

    /** Sends many records at once (batched, acks=all) and returns once every one is acknowledged. */
    void sendAll(List<ProducerRecord<String, byte[]>> records) {
        Properties properties = producerProperties();
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> sent =
                    new java.util.ArrayList<>(records.size());
            records.forEach(record -> sent.add(producer.send(record)));
            producer.flush();
            for (var future : sent) {
                future.get(TIMEOUT_S, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("sending records: " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
