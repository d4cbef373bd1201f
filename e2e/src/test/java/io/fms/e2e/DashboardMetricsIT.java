package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.e2e.FmsClient.BookingRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The operator's dashboard and alert rules read metrics the services really publish: every metric name in
 * {@code infra/observability} is found in the {@code /actuator/prometheus} output of the running services, once
 * some traffic has made the lazily registered meters appear. Names the services do not publish yet are listed in
 * {@code infra/observability/metrics-expected-later.txt}; one that appears must leave that list.
 */
@ExtendWith(FmsStack.class)
class DashboardMetricsIT {

    /** Made by Prometheus itself for every scrape, not by a service. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Path OBSERVABILITY = repositoryRoot().resolve("infra").resolve("observability");

    @Test
    void everyMetricTheDashboardAndTheAlertsReadIsPublished(RunningFms fms) throws IOException {
        driveTraffic(fms);
        Set<String> used = usedMetrics();
        Set<String> expectedLater = expectedLater();
        assertThat(used)
                .as("the parser found the dashboard's metrics")
                .contains(
                        "fms_processor_decisions_total",
                        "kafka_consumer_fetch_manager_records_lag",
                        "fms_notify_deliveries_total",
                        "fms_processor_holds_live");

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    Set<String> published = published(fms);
                    Set<String> missing = new TreeSet<>(used);
                    missing.removeAll(published);
                    missing.removeAll(expectedLater);
                    missing.removeAll(PROMETHEUS_OWN);
                    assertThat(missing)
                            .as("metrics used but published by no service")
                            .isEmpty();
                    Set<String> nowPublished = new TreeSet<>(expectedLater);
                    nowPublished.retainAll(published);
                    assertThat(nowPublished)
                            .as("published now: delete from infra/observability/metrics-expected-later.txt")
                            .isEmpty();
                });
    }

    /**
     * A booking with an email, a sold-out refusal, a cancellation, a stream beyond the cap (a 503): each kind of
     * meter the dashboard reads.
     */
    private static void driveTraffic(RunningFms fms) {
        FmsClient client = fms.client();
        String tripId = client.createTrip(1, "A");
        String booked = client.bookAccepted(
                BookingRequest.of(tripId, List.of("Ada Lovelace"), null).withContact("ada@example.com", null), null);
        assertThat(client.longPoll(booked, 20).status()).isEqualTo("CONFIRMED");
        // The sold-out door answers once the processor's snapshot says so.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> client.book(BookingRequest.of(tripId, List.of("Late Comer"), null), null)
                                .status()
                        == 409);
        assertThat(client.cancel(booked).status()).isEqualTo(202);
        URI api = fms.service(FmsStack.API).baseUri();
        List<SeatStream> streams = new ArrayList<>();
        try {
            boolean refused = false;
            for (int i = 0; i <= FmsStack.SEAT_STREAMS_MAX && !refused; i++) {
                SeatStream.Opened opened = SeatStream.open(api, tripId, null);
                refused = opened.stream() == null;
                if (!refused) {
                    streams.add(opened.stream());
                }
            }
            assertThat(refused).as("a stream beyond the cap was refused").isTrue();
        } finally {
            streams.forEach(SeatStream::close);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode notifications = client.send(
                            HttpRequest.newBuilder(api.resolve("/api/v1/bookings/" + booked + "/notifications"))
                                    .GET())
                    .json()
                    .path("notifications");
            for (JsonNode notification : notifications) {
                if ("DELIVERED".equals(notification.path("status").asString())) {
                    return true;
                }
            }
            return false;
        });
    }

    private static Set<String> published(RunningFms fms) {
        Set<String> names = new TreeSet<>();
        for (String service : List.of(FmsStack.API, FmsStack.PROCESSOR, FmsStack.WORKER)) {
            FmsClient.Answer answer = fms.client()
                    .send(HttpRequest.newBuilder(fms.service(service).baseUri().resolve("/actuator/prometheus"))
                            .GET());
            assertThat(answer.status())
                    .as("/actuator/prometheus of %s", service)
                    .isEqualTo(200);
            answer.body()
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(names::add);
        }
        return names;
    }

    private static Set<String> usedMetrics() throws IOException {
        List<String> expressions = new ArrayList<>();
        JsonNode dashboard = Json.tree(Files.readString(
                OBSERVABILITY.resolve("grafana").resolve("dashboards").resolve("fms.json")));
        collectExpressions(dashboard, expressions);
        assertThat(expressions).as("dashboard queries").hasSizeGreaterThan(20);
        List<String> rules = Files.readAllLines(
                        OBSERVABILITY.resolve("prometheus").resolve("alerts.yml"))
                .stream()
                .map(String::strip)
                .filter(line -> line.startsWith("expr:"))
                .map(line -> line.substring("expr:".length()).strip())
                .toList();
        assertThat(rules).as("alert expressions").hasSizeGreaterThan(5);
        expressions.addAll(rules);
        return expressions.stream()
                .flatMap(expression -> PromQlNames.of(expression).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void collectExpressions(JsonNode node, List<String> into) {
        if (node.isObject()) {
            JsonNode expr = node.get("expr");
            if (expr != null && expr.isString()) {
                into.add(expr.asString());
            }
            node.values().forEach(child -> collectExpressions(child, into));
        } else if (node.isArray()) {
            node.forEach(child -> collectExpressions(child, into));
        }
    }

    private static Set<String> expectedLater() throws IOException {
        return Files.readAllLines(OBSERVABILITY.resolve("metrics-expected-later.txt")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Path repositoryRoot() {
        String moduleDirectory = System.getProperty("fms.e2e.moduleDir", System.getProperty("user.dir"));
        return Path.of(moduleDirectory).toAbsolutePath().getParent();
    }
}
