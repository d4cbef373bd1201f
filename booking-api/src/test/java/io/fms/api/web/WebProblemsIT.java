package io.fms.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.CommandTopic;
import io.fms.api.SharedApiContext;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebProblemsIT extends SharedApiContext {

    private static final int LIMIT_BYTES = 16 * 1024;

    @Test
    void aBodyDeclaredTooLargeIsRefusedBeforeItIsRead() {
        int records = CommandTopic.count();

        http.postJson("/api/v1/bookings", oversizedBooking()).assertProblem(413, "payload-too-large");

        assertThat(CommandTopic.count()).isEqualTo(records);
    }

    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimit() {
        byte[] body = oversizedBooking().getBytes(StandardCharsets.UTF_8);

        // A body publisher of unknown length is sent chunked, without Content-Length.
        http.send(http.request("/api/v1/bookings")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))))
                .assertProblem(413, "payload-too-large");
    }

    @Test
    void aBodyJustWithinTheLimitIsRead() {
        String padding = " ".repeat(LIMIT_BYTES - 200);
        String body = "{\"tripId\": \"" + UUID.randomUUID() + "\"," + padding + "\"passengers\": [{\"name\": \"A\"}]}";
        assertThat(body.length()).isLessThan(LIMIT_BYTES);

        http.postJson("/api/v1/bookings", body).assertProblem(404, "not-found");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        http.send(http.request("/api/v1/bookings")
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("book me a seat")))
                .assertProblem(415, "unsupported-media-type");
        http.send(http.request("/api/v1/bookings").POST(HttpRequest.BodyPublishers.ofString("{}")))
                .assertProblem(415, "unsupported-media-type");
    }

    @Test
    void malformedJsonIsABadRequest() {
        http.postJson("/api/v1/bookings", "{\"tripId\": ").assertProblem(400, "malformed-request");
        http.postJson("/api/v1/bookings", "").assertProblem(400, "malformed-request");
        http.postJson("/api/v1/bookings", "[1, 2]").assertProblem(400, "malformed-request");
    }

    @Test
    void unknownOrMistypedFieldsAreNamed() {
        assertThat(http.postJson("/api/v1/bookings", """
                                {"tripId": "%s", "passengers": [{"name": "A"}], "seat": ["1A"]}""".formatted(UUID.randomUUID()))
                        .invalidFields())
                .containsExactly("seat");
        assertThat(http.postJson("/api/v1/bookings", """
                                {"tripId": "%s", "passengers": [{"name": ["A"]}]}""".formatted(UUID.randomUUID()))
                        .invalidFields())
                .containsExactly("passengers[0].name");
        assertThat(http.postAdmin("/api/v1/flights/" + UUID.randomUUID() + "/trips", """
                                {"departureTime": "2031-01-01T00:00:00Z", "rows": "many", "columns": "AB"}""")
                        .invalidFields())
                .containsExactly("rows");
    }

    @Test
    void unknownPathsAndWrongMethodsAreProblemsToo() {
        http.get("/api/v1/nothing-here").assertProblem(404, "not-found");
        http.get("/no/such/page").assertProblem(404, "not-found");
        http.send(http.request("/api/v1/trips").PUT(HttpRequest.BodyPublishers.noBody()))
                .assertProblem(405, "method-not-allowed");
        assertThat(http.delete("/api/v1/flights").assertProblem(405, "method-not-allowed"))
                .isNotNull();
    }

    private static String oversizedBooking() {
        return "{\"tripId\": \"" + UUID.randomUUID() + "\", \"passengers\": [{\"name\": \"" + "x".repeat(LIMIT_BYTES)
                + "\"}]}";
    }
}
