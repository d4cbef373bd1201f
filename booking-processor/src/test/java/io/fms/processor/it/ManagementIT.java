package io.fms.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingRequested;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ManagementIT extends ProcessorITBase {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthHasAnEntryPerDependency() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JsonMapper.builder().build().readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        for (String dependency : List.of("db", "kafka", "redis")) {
            assertThat(health.path("components").path(dependency).path("status").asString())
                    .as(dependency)
                    .isEqualTo("UP");
        }
    }

    @Test
    void prometheusShowsDecisionsBatchesAndTheOutbox() throws Exception {
        BookingRequested request = request(createTrip(1, "A", FAR_FUTURE), 1, List.of());
        send(request);
        eventually().until(() -> !recorder().events(request.bookingId()).isEmpty());

        String metrics = get("/actuator/prometheus").body();

        assertThat(metrics)
                .contains("fms_processor_decisions_total{outcome=\"confirmed\"")
                .contains("fms_processor_batch_size_records_count")
                .contains("fms_processor_batch_commit_seconds_count")
                .contains("fms_processor_outbox_backlog")
                .contains("fms_processor_dead_lettered_total");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
