package io.fms.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/** One real Redis server per test JVM (a binary packaged on Maven Central), on a free loopback port. */
public final class TestRedis {

    private static volatile int port;

    private TestRedis() {}

    public static synchronized int port() {
        if (port == 0) {
            int chosen = TestPorts.free();
            try {
                RedisServer server = RedisServer.newRedisServer()
                        .port(chosen)
                        .setting("bind 127.0.0.1")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "test-redis-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start Redis", e);
            }
            port = chosen;
        }
        return port;
    }

    private static void stop(RedisServer server) {
        try {
            server.stop();
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }
}
