package io.fms.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * Redis with an append-only file, so the read model survives a restart: Debian's {@code redis-server} when it is on
 * the PATH, else the binary that embedded-redis ships on Maven Central.
 *
 * <p>Usage: {@code java io.fms.infra.RedisNode <data directory>}; port {@code FMS_LOCAL_REDIS_PORT} (else
 * {@code FMS_REDIS_PORT}; default in infra/lib/stack.env). With {@code FMS_LOCAL_REDIS_CLUSTER=true} it is a node of a
 * Redis Cluster ({@code infra/fms up --cluster}; {@link RedisClusterForm} joins the nodes): its cluster state lives
 * in {@code nodes.conf} next to its append-only file, so a restarted node takes its slots back. Its cluster bus is
 * on port + 10000.
 */
public final class RedisNode {

    private RedisNode() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Launch.dataDir(args, "redis");
        int port = StackAddresses.fromEnvironment().localRedisPort();
        Path pidFile = dataDir.resolve("redis.pid");
        stopOrphanedServer(pidFile);

        var builder = RedisServer.newRedisServer()
                .executableProvider(executable())
                .port(port)
                .bind("127.0.0.1")
                // Quoted: the repository may live under a path with spaces.
                .setting("dir \"" + dataDir + "\"")
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                // Lets the next start find a server whose launcher was killed with SIGKILL.
                .setting("pidfile \"" + pidFile + "\"");
        if ("true".equalsIgnoreCase(System.getenv("FMS_LOCAL_REDIS_CLUSTER"))) {
            builder.setting("cluster-enabled yes")
                    .setting("cluster-config-file \"" + dataDir.resolve("nodes.conf") + "\"")
                    .setting("cluster-node-timeout 5000")
                    // A master down stops only the keys of its slots, not the whole cluster.
                    .setting("cluster-require-full-coverage no");
        }
        RedisServer server = builder.soutListener(System.out::println)
                .serrListener(System.out::println)
                .build();
        server.start();
        Launch.ready("Redis on localhost:" + port);
        Launch.runUntilTerminated("redis", () -> stop(server));
    }

    private static ExecutableProvider executable() throws IOException {
        try {
            ExecutableProvider onPath = ExecutableProvider.newExecutableInPath("redis-server");
            System.out.println("Using redis-server from the PATH");
            return onPath;
        } catch (IOException notOnPath) {
            return ExecutableProvider.newJarResourceProvider();
        }
    }

    private static void stopOrphanedServer(Path pidFile) throws Exception {
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> server = PidFiles.process(pidFile, command -> command.contains("redis-server"));
        if (server.isEmpty()) {
            return;
        }
        boolean launcherAlive = server.get()
                .parent()
                .map(parent -> parent.info().command().orElse("").endsWith("java"))
                .orElse(false);
        if (launcherAlive) {
            throw new IllegalStateException("another RedisNode runs on " + pidFile.getParent());
        }
        System.out.println("Stopping orphaned redis-server " + server.get().pid() + " left by an earlier run");
        // SIGTERM makes Redis flush its append-only file before it exits.
        server.get().destroy();
        server.get().onExit().get(30, TimeUnit.SECONDS);
    }

    private static void stop(RedisServer server) {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
