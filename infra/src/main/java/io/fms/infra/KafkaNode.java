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
 * A real Kafka node in KRaft mode (one process is broker and controller), from Kafka's own server classes: alone, or
 * one of the three nodes of {@code infra/fms up --cluster}.
 *
 * <p>Usage: {@code java io.fms.infra.KafkaNode <data directory>}. Ports: {@code FMS_LOCAL_KAFKA_PORT} for clients,
 * {@code FMS_LOCAL_KAFKA_CONTROLLER_PORT} for the controller (defaults in infra/lib/stack.env). The log directory is
 * formatted on the first start, as {@code kafka-storage.sh format} would, and reused afterwards.
 *
 * <p>One of a cluster when infra/fms gives it {@code FMS_LOCAL_KAFKA_NODE_ID}, the whole controller quorum as
 * {@code FMS_LOCAL_KAFKA_VOTERS} ({@code id@host:controllerPort,...}) and the cluster ID every node is formatted with,
 * {@code FMS_LOCAL_KAFKA_CLUSTER_ID}.
 */
public final class KafkaNode {

    private static final int NODE_ID = 1;

    /** Replicas of every internal topic, and of the services' topics when they ask for 3, in a cluster. */
    static final int CLUSTER_REPLICATION_FACTOR = 3;

    /** A write is acknowledged once two replicas have it: one node may fail without losing or refusing it. */
    static final int CLUSTER_MIN_INSYNC_REPLICAS = 2;

    /** Who this node is among its peers; {@link #ALONE} for the single-node stack. */
    record Membership(int nodeId, String voters, String clusterId) {
        static final Membership ALONE = new Membership(NODE_ID, null, null);

        boolean clustered() {
            return voters != null;
        }

        static Membership fromEnvironment() {
            String voters = System.getenv("FMS_LOCAL_KAFKA_VOTERS");
            if (voters == null || voters.isBlank()) {
                return ALONE;
            }
            String id = System.getenv("FMS_LOCAL_KAFKA_NODE_ID");
            String clusterId = System.getenv("FMS_LOCAL_KAFKA_CLUSTER_ID");
            if (id == null || clusterId == null || clusterId.isBlank()) {
                throw new IllegalArgumentException(
                        "FMS_LOCAL_KAFKA_VOTERS needs FMS_LOCAL_KAFKA_NODE_ID and FMS_LOCAL_KAFKA_CLUSTER_ID");
            }
            return new Membership(Integer.parseInt(id.strip()), voters.strip(), clusterId.strip());
        }
    }

    private KafkaNode() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Launch.dataDir(args, "kafka");
        StackAddresses addresses = StackAddresses.fromEnvironment();
        int port = addresses.kafkaPort();
        int controllerPort = addresses.kafkaControllerPort();
        Path logDir = dataDir.resolve("log");

        Membership membership = Membership.fromEnvironment();
        Properties properties = serverProperties(logDir, port, controllerPort, membership);
        Path propertiesFile = dataDir.resolve("server.properties");
        write(properties, propertiesFile);
        formatOnFirstStart(propertiesFile, logDir, membership);

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kafka-shutdown"));
        // Returns once the broker is registered and unfenced: from here on it accepts produce and fetch requests.
        server.startup();
        Launch.ready("Kafka on localhost:" + port);
        server.awaitShutdown();
    }

    static Properties serverProperties(Path logDir, int port, int controllerPort, Membership membership) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(membership.nodeId()));
        // A static quorum: nothing about it is written at format time, so a changed controller port still starts.
        p.setProperty(
                "controller.quorum.voters",
                membership.clustered() ? membership.voters() : NODE_ID + "@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        // One broker: every internal topic can only have one replica, and must not wait for more. A cluster replicates
        // them all, and acknowledges a write once enough replicas have it.
        String replicas = membership.clustered() ? String.valueOf(CLUSTER_REPLICATION_FACTOR) : "1";
        String minInsync = membership.clustered() ? String.valueOf(CLUSTER_MIN_INSYNC_REPLICAS) : "1";
        p.setProperty("offsets.topic.replication.factor", replicas);
        p.setProperty("transaction.state.log.replication.factor", replicas);
        p.setProperty("transaction.state.log.min.isr", minInsync);
        p.setProperty("share.coordinator.state.topic.replication.factor", replicas);
        p.setProperty("share.coordinator.state.topic.min.isr", minInsync);
        p.setProperty("min.insync.replicas", minInsync);
        if (membership.clustered()) {
            p.setProperty("default.replication.factor", replicas);
            // Never elect a replica that may miss acknowledged records, even to end an outage.
            p.setProperty("unclean.leader.election.enable", "false");
            // The controller fences a broker that stopped heartbeating after this, and only then moves the
            // leadership of its partitions: until then producing to them fails (the API's 503s). Kafka's 9 s,
            // with a heartbeat every 2 s, is made 3 s and 1 s: a killed broker costs the intake about 3 s.
            p.setProperty("broker.session.timeout.ms", "3000");
            p.setProperty("broker.heartbeat.interval.ms", "1000");
        }
        p.setProperty("num.partitions", "12");
        // As in the test kit: the services declare their topics, so a missing declaration fails here as in tests.
        p.setProperty("auto.create.topics.enable", "false");
        // A developer restarting a consumer should not wait 3 s for a group that has only one member.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static void formatOnFirstStart(Path propertiesFile, Path logDir, Membership membership) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            System.out.println("Kafka log directory " + logDir + " is formatted; reusing it");
            return;
        }
        // The nodes of one cluster must share its ID; a node alone makes one up.
        String clusterId = membership.clustered()
                ? membership.clusterId()
                : Uuid.randomUuid().toString();
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
