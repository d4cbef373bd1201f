package io.fms.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.fms.testkit.TestKafka;
import io.fms.testkit.TestPostgres;
import io.fms.testkit.TestRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the whole system once per test run and hands it to every test class that asks ({@code @ExtendWith}, then a
 * {@link RunningFms} parameter): real Kafka, Postgres, Redis and an SMTP server in this JVM, and the three services
 * as separate processes from their runnable jars. Everything stops when the run ends, also after a failure.
 */
final class FmsStack implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FmsStack.class);

    static final String API = "booking-api";
    static final String PROCESSOR = "booking-processor";
    static final String WORKER = "notification-worker";
    static final int COMMAND_PARTITIONS = 4;
    /** Few, so that a test reaches the cap on seat map streams. */
    static final int SEAT_STREAMS_MAX = 12;

    @Override
    public void beforeAll(ExtensionContext context) {
        // A service a previous test class left dead (a failed crash test) comes back before the next class runs.
        started(context).fms().ensureRunning();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningFms.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return started(context).fms();
    }

    private static Started started(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Started.class, key -> Started.attempt(), Started.class);
    }

    /**
     * The system, or why it could not start: remembered either way, so that a stack that failed to come up fails
     * every test class at once instead of being retried (and waited for) once per class.
     */
    private record Started(RunningFms running, RuntimeException failure) implements AutoCloseable {

        static Started attempt() {
            try {
                return new Started(start(), null);
            } catch (RuntimeException | AssertionError e) {
                return new Started(
                        null, new IllegalStateException("the FMS system did not start: " + e.getMessage(), e));
            }
        }

        RunningFms fms() {
            if (failure != null) {
                throw failure;
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }

    private static RunningFms start() {
        Path repository = repositoryRoot();
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String service : List.of(API, PROCESSOR, WORKER)) {
            jars.put(
                    service,
                    repository.resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT-exec.jar"));
        }
        List<Path> missing =
                jars.values().stream().filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Runnable jars missing: " + missing
                    + ". Build the services first, e.g. ./mvnw -pl booking-api,booking-processor,notification-worker"
                    + " -am package -DskipTests (./mvnw verify from the root builds them before e2e).");
        }

        // The infrastructure pieces start side by side: each takes seconds on a small machine.
        CompletableFuture<String> kafka = CompletableFuture.supplyAsync(TestKafka::bootstrapServers);
        CompletableFuture<String> database = CompletableFuture.supplyAsync(TestPostgres::freshDatabaseUrl);
        CompletableFuture<Integer> redis = CompletableFuture.supplyAsync(TestRedis::port);
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();

        String adminKey = "e2e-admin-" + UUID.randomUUID();
        String webhookSecret = "e2e-webhook-" + UUID.randomUUID();
        String databaseUrl;
        String bootstrapServers;
        int redisPort;
        try {
            databaseUrl = database.join();
            bootstrapServers = kafka.join();
            redisPort = redis.join();
        } catch (RuntimeException e) {
            mail.stop();
            throw e;
        }

        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("FMS_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        shared.put("FMS_POSTGRES_URL", databaseUrl);
        shared.put("FMS_POSTGRES_USER", TestPostgres.USER);
        shared.put("FMS_POSTGRES_PASSWORD", TestPostgres.PASSWORD);
        shared.put("FMS_REDIS_HOST", "127.0.0.1");
        shared.put("FMS_REDIS_PORT", String.valueOf(redisPort));
        shared.put("FMS_SMTP_HOST", "127.0.0.1");
        shared.put("FMS_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()));
        shared.put("FMS_ADMIN_API_KEY", adminKey);
        shared.put("FMS_WEBHOOK_SECRET", webhookSecret);
        shared.put("FMS_WEBHOOK_ALLOW_LOOPBACK", "true");
        shared.put("FMS_COMMAND_PARTITIONS", String.valueOf(COMMAND_PARTITIONS));
        shared.put("FMS_PROCESSOR_CONCURRENCY", "2");
        // The limit stays on, as in production; the tests are one loopback client playing many, so it is exempt.
        shared.put("FMS_RATE_LIMIT_EXEMPT", "127.0.0.1,::1");
        // Short claims, so that deliveries a killed worker held are taken up again within the tests' bounds.
        shared.put("FMS_NOTIFY_REQUEST_TIMEOUT_MS", "5000");
        shared.put("FMS_NOTIFY_LEASE_MS", "10000");
        shared.put("FMS_SEAT_STREAM_STREAMS_MAX", String.valueOf(SEAT_STREAMS_MAX));
        // Frequent comments: a closed stream is noticed at the next write, so the cap frees up within a second.
        shared.put("FMS_SEAT_STREAM_HEARTBEAT_MS", "1000");
        shared.put("SPRING_OUTPUT_ANSI_ENABLED", "never");

        Map<String, String> portVariables = Map.of(
                API, "FMS_API_PORT",
                PROCESSOR, "FMS_PROCESSOR_PORT",
                WORKER, "FMS_WORKER_PORT");
        Map<String, Integer> ports = new LinkedHashMap<>();
        jars.keySet().forEach(service -> ports.put(service, freePort()));
        Path logs = repository.resolve("e2e").resolve("target").resolve("e2e-logs");
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            Map<String, String> environment = new LinkedHashMap<>(shared);
            ports.forEach((service, port) -> environment.put(portVariables.get(service), String.valueOf(port)));
            services.put(
                    jar.getKey(),
                    new ServiceProcess(
                            jar.getKey(),
                            jar.getValue(),
                            environment,
                            ports.get(jar.getKey()),
                            logs.resolve(jar.getKey() + ".log")));
        }

        RunningFms fms = new RunningFms(services, mail, adminKey, webhookSecret, databaseUrl, bootstrapServers);
        Runtime.getRuntime().addShutdownHook(new Thread(fms::close, "e2e-services-stop"));
        try {
            services.values().forEach(ServiceProcess::start);
            services.values().forEach(ServiceProcess::awaitHealthy);
        } catch (RuntimeException | AssertionError e) {
            fms.close();
            throw e;
        }
        return fms;
    }

    /** The repository root: the build passes the e2e module's directory; run elsewhere, the working directory. */
    static Path repositoryRoot() {
        String moduleDirectory = System.getProperty("fms.e2e.moduleDir", System.getProperty("user.dir"));
        return Path.of(moduleDirectory).toAbsolutePath().getParent();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
