package io.fms.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka in KRaft mode (one process is broker and controller), from Kafka's own server classes.
 *
 * <p>Usage: {@code java io.fms.infra.KafkaNode <data directory>}. Ports: {@code FMS_LOCAL_KAFKA_PORT} for clients,
 * {@code FMS_LOCAL_KAFKA_CONTROLLER_PORT} for the controller (defaults in infra/lib/stack.env). The log directory is
 * formatted on the first start, as {@code kafka-storage.sh format} would, and reused afterwards.
 */
public final class KafkaNode {

    private static final int NODE_ID = 1;

    private KafkaNode() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Launch.dataDir(args, "kafka");
        StackAddresses addresses = StackAddresses.fromEnvironment();
        int port = addresses.kafkaPort();
        int controllerPort = addresses.kafkaControllerPort();
        Path logDir = dataDir.resolve("log");

        Properties properties = serverProperties(logDir, port, controllerPort);
        Path propertiesFile = dataDir.resolve("server.properties");
        write(properties, propertiesFile);
        formatOnFirstStart(propertiesFile, logDir);

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kafka-shutdown"));
        // Returns once the broker is registered and unfenced: from here on it accepts produce and fetch requests.
        server.startup();
        Launch.ready("Kafka on localhost:" + port);
        server.awaitShutdown();
    }

    static Properties serverProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        // A static quorum: nothing about it is written at format time, so a changed controller port still starts.
        p.setProperty("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        // One broker: every internal topic can only have one replica, and must not wait for more.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("num.partitions", "12");
        // As in the test kit: the services declare their topics, so a missing declaration fails here as in tests.
        p.setProperty("auto.create.topics.enable", "false");
        // A developer restarting a consumer should not wait 3 s for a group that has only one member.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static void formatOnFirstStart(Path propertiesFile, Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            System.out.println("Kafka log directory " + logDir + " is formatted; reusing it");
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        int exitCode = StorageTool.execute(
                new String[] {"format", "--config", propertiesFile.toString(), "--cluster-id", clusterId}, System.out);
        if (exitCode != 0) {
            throw new IllegalStateException("formatting " + logDir + " failed with exit code " + exitCode);
        }
    }

    private static void write(Properties properties, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "Written by io.fms.infra.KafkaNode on every start; edits are overwritten");
        }
    }
}
