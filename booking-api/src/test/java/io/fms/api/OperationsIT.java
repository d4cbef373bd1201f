package io.fms.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OperationsIT extends SharedApiContext {

    @Test
    void healthIsUpWithEveryDependency() {
        JsonNode health = http.get("/health").assertStatus(200).json();

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("redis").get("status").asString())
                .isEqualTo("UP");
        assertThat(health.get("components").get("kafka").get("status").asString())
                .isEqualTo("UP");
        http.get("/actuator/health/liveness").assertStatus(200);
        http.get("/actuator/health/readiness").assertStatus(200);
    }

    @Test
    void swaggerUiOpensAtSlashApi() throws Exception {
        HttpResponse<String> page = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger-ui");
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        JsonNode api = http.get("/v3/api-docs").assertStatus(200).json();

        JsonNode paths = api.get("paths");
        assertThat(paths.get("/api/v1/bookings").get("post").get("summary").asString())
                .isEqualTo("Submit a booking");
        assertThat(paths.get("/api/v1/bookings").get("post").get("description").asString())
                .contains("Idempotency-Key");
        assertThat(paths.get("/api/v1/bookings").get("post").get("responses").properties().stream()
                        .map(java.util.Map.Entry::getKey))
                .contains("202", "400", "404", "409", "413", "415", "422", "503");
        assertThat(paths.get("/api/v1/bookings/{bookingId}")
                        .get("get")
                        .get("summary")
                        .asString())
                .isNotBlank();
        assertThat(paths.get("/api/v1/bookings/{bookingId}")
                        .get("delete")
                        .get("summary")
                        .asString())
                .isNotBlank();
        assertThat(paths.get("/api/v1/flights").get("post").get("security").toString())
                .contains("adminKey");
        for (String path : new String[] {
            "/api/v1/flights/{flightId}",
            "/api/v1/flights/{flightId}/trips",
            "/api/v1/trips",
            "/api/v1/trips/{tripId}",
            "/api/v1/trips/{tripId}/seats"
        }) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(api.get("components")
                        .get("securitySchemes")
                        .get("adminKey")
                        .get("scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(api.get("components").get("responses").get("validation").toString())
                .contains("urn:fms:problem:validation");
    }
}
