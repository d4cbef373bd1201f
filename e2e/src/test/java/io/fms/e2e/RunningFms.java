package io.fms.e2e;

import com.icegreen.greenmail.util.GreenMail;
import io.fms.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The system under test as {@link FmsStack} started it: the three service processes and what they talk to. */
final class RunningFms implements AutoCloseable {

    private final Map<String, ServiceProcess> services;
    private final GreenMail mail;
    private final String adminKey;
    private final String webhookSecret;
    private final String databaseUrl;
    private final String bootstrapServers;
    private final FmsClient client;

    RunningFms(
            Map<String, ServiceProcess> services,
            GreenMail mail,
            String adminKey,
            String webhookSecret,
            String databaseUrl,
            String bootstrapServers) {
        this.services = Map.copyOf(services);
        this.mail = mail;
        this.adminKey = adminKey;
        this.webhookSecret = webhookSecret;
        this.databaseUrl = databaseUrl;
        this.bootstrapServers = bootstrapServers;
        this.client = new FmsClient(services.get(FmsStack.API).baseUri(), adminKey);
    }

    FmsClient client() {
        return client;
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    GreenMail mail() {
        return mail;
    }

    String adminKey() {
        return adminKey;
    }

    String webhookSecret() {
        return webhookSecret;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String databaseUrl() {
        return databaseUrl;
    }

    /** A connection to the database the services share, as its owner (for checks only: tests never write). */
    Connection database() throws SQLException {
        return DriverManager.getConnection(databaseUrl, TestPostgres.USER, TestPostgres.PASSWORD);
    }

    /** Starts again any service that is not running and waits until every one is healthy. */
    void ensureRunning() {
        for (ServiceProcess service : services.values()) {
            if (!service.isAlive()) {
                service.start();
            }
        }
        services.values().forEach(ServiceProcess::awaitHealthy);
    }

    /** The end of the named services' logs, for a failure message. */
    String logTails(String... names) {
        StringBuilder tails = new StringBuilder();
        for (String name : names) {
            ServiceProcess service = services.get(name);
            tails.append("\n---- end of ").append(service.log()).append(":\n").append(service.logTail());
        }
        return tails.toString();
    }

    @Override
    public void close() {
        // Side by side: each stop may wait out its bound before SIGKILL.
        CompletableFuture.allOf(services.values().stream()
                        .map(service -> CompletableFuture.runAsync(service::stop))
                        .toArray(CompletableFuture[]::new))
                .join();
        if (mail.isRunning()) {
            mail.stop();
        }
    }

    List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }
}
