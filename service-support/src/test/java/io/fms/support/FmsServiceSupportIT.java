package io.fms.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.Topics;
import io.fms.testkit.TestKafka;
import io.fms.testkit.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = FmsServiceSupportIT.App.class)
class FmsServiceSupportIT {

    @SpringBootApplication
    static class App {}

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("fms.kafka.command-partitions", () -> 6);
        // The Redis client is on this module's class path (for the services that use Redis), so /health has a
        // redis entry here too: a real Redis, as in every service.
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", TestRedis::port);
    }

    @Value("${local.server.port}")
    int port;

    @Value("${spring.kafka.producer.acks}")
    String acks;

    @Test
    void healthIsServedAtSlashHealthWithAKafkaEntry() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"status\":\"UP\"")
                .contains("\"kafka\"")
                .contains("clusterId");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator/env",
                "/actuator/metrics",
                "/actuator/metrics/jvm.memory.used",
                "/actuator/heapdump",
                "/actuator/threaddump",
                "/actuator/beans",
                "/actuator/configprops",
                "/actuator/mappings",
                "/actuator/loggers",
                "/actuator/conditions",
                "/actuator/scheduledtasks",
                "/actuator/shutdown"
            })
    void actuatorEndpointsBeyondHealthInfoAndPrometheusAreNotExposed(String path) throws Exception {
        assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        assertThat(post(path).statusCode()).as("POST " + path).isIn(404, 405);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator/health",
                "/actuator/health/liveness",
                "/actuator/health/readiness",
                "/actuator/info",
                "/actuator/prometheus"
            })
    void healthInfoAndPrometheusAreExposed(String path) throws Exception {
        assertThat(get(path).statusCode()).as(path).isEqualTo(200);
    }

    @Test
    void theActuatorIndexListsOnlyHealthInfoAndPrometheus() throws Exception {
        HttpResponse<String> index = get("/actuator");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("/actuator/prometheus").doesNotContain("metrics", "env", "heapdump", "beans");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void topicsAreCreatedWithTheConfiguredPartitionCount() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            var topics = admin.describeTopics(List.of(Topics.BOOKING_COMMANDS, Topics.BOOKING_EVENTS))
                    .allTopicNames()
                    .get();
            assertThat(topics.get(Topics.BOOKING_COMMANDS).partitions()).hasSize(6);
            assertThat(topics.get(Topics.BOOKING_EVENTS).partitions()).hasSize(12);
        }
    }

    @Test
    void sharedDefaultsApplyAtLowestPrecedence() {
        assertThat(acks).isEqualTo("all");
    }
}
