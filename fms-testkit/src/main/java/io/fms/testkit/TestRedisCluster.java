package io.fms.testkit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * One real Redis Cluster of three masters per test JVM, on free loopback ports: {@code redis-server} from the PATH
 * when there is one, else the binary embedded-redis ships. The 16384 slots are split in three ranges, one per master,
 * so keys of one multi-key command almost never share a node, and a command Redis Cluster refuses (CROSSSLOT) fails
 * here as it would in production.
 */
public final class TestRedisCluster {

    public static final int MASTERS = 3;
    public static final int SLOTS = 16384;

    private static final Duration FORMATION_TIMEOUT = Duration.ofSeconds(30);

    private static volatile List<Integer> ports;

    private TestRedisCluster() {}

    /** The masters' ports, in slot order: the first serves slots 0-5460, the last 10923-16383. */
    public static synchronized List<Integer> ports() {
        if (ports == null) {
            List<Integer> chosen = new ArrayList<>();
            for (int i = 0; i < MASTERS; i++) {
                int port = freePortWithBusPort(chosen);
                start(port);
                chosen.add(port);
            }
            form(chosen);
            ports = List.copyOf(chosen);
        }
        return ports;
    }

    /** {@code 127.0.0.1:port} of every master, as {@code spring.data.redis.cluster.nodes} takes them. */
    public static List<String> nodes() {
        return ports().stream().map(port -> "127.0.0.1:" + port).toList();
    }

    /**
     * A started connection factory on the cluster, as Spring Boot builds one from {@code spring.data.redis.cluster.nodes}
     * (Lettuce, one shared connection); the caller destroys it.
     */
    public static LettuceConnectionFactory connectionFactory() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisClusterConfiguration(nodes()));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    /** Deletes every key on every master (FLUSHALL is per node on a cluster). */
    public static void flushAll() {
        for (int port : ports()) {
            onNode(port, commands -> commands.flushall());
        }
    }

    /** Runs {@code action} on one node's own connection, outside cluster routing. */
    public static <T> T onNode(int port, Function<RedisCommands<String, String>, T> action) {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return action.apply(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static void start(int port) {
        try {
            Path dir = Files.createTempDirectory("fms-redis-cluster-" + port + "-");
            RedisServer server = RedisServer.newRedisServer()
                    .executableProvider(executable())
                    .port(port)
                    .setting("bind 127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("cluster-enabled yes")
                    .setting("dir \"" + dir + "\"")
                    .setting("cluster-config-file \"" + dir.resolve("nodes.conf") + "\"")
                    .setting("cluster-node-timeout 2000")
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "test-redis-cluster-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a Redis Cluster node on " + port, e);
        }
    }

    private static ExecutableProvider executable() throws IOException {
        try {
            return ExecutableProvider.newExecutableInPath("redis-server");
        } catch (IOException notOnPath) {
            return ExecutableProvider.newJarResourceProvider();
        }
    }

    private static void form(List<Integer> masters) {
        int perMaster = SLOTS / masters.size();
        for (int i = 0; i < masters.size(); i++) {
            int from = i * perMaster;
            int to = i == masters.size() - 1 ? SLOTS : from + perMaster;
            int[] slots = IntStream.range(from, to).toArray();
            onNode(masters.get(i), commands -> commands.clusterAddSlots(slots));
        }
        for (int i = 1; i < masters.size(); i++) {
            int other = masters.get(i);
            onNode(masters.get(0), commands -> commands.clusterMeet("127.0.0.1", other));
        }
        Awaitility.await("Redis Cluster on " + masters)
                .atMost(FORMATION_TIMEOUT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> masters.stream().allMatch(TestRedisCluster::formed));
    }

    // Every node must see the whole cluster: a node that has not yet heard of the others answers MOVED to nowhere.
    private static boolean formed(int port) {
        String info = onNode(port, RedisCommands::clusterInfo);
        return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + MASTERS);
    }

    // A cluster node also listens on its port + 10000 (the cluster bus), which must be free too.
    private static int freePortWithBusPort(List<Integer> taken) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 30_000);
            if (!taken.contains(port) && free(port) && free(port + 10_000)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair (port, port + 10000) found between 20000 and 40000");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(RedisServer server) {
        try {
            server.stop();
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }
}
