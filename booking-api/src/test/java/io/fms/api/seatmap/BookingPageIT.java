package io.fms.api.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.SharedApiContext;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The booking page's files and the stream's refusals, on the API alone (the stream's content, with the processor
 * deciding, is tested end to end: e2e's SeatStreamIT and BookingPageBrowserIT).
 */
class BookingPageIT extends SharedApiContext {

    @Test
    void thePageAndItsFilesAreServedAtTheRoot() {
        var page = http.send(http.request("/")
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .GET())
                .assertStatus(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<title>FMS: book a seat</title>", "/app.js", "/style.css");
        assertThat(http.get("/app.js").assertStatus(200).header("Content-Type")).contains("javascript");
        assertThat(http.get("/style.css").assertStatus(200).header("Content-Type"))
                .startsWith("text/css");
        http.get("/no-such-file.js").assertProblem(404, "not-found");
    }

    @Test
    void aLastEventIdThatIsNoVersionIsABadRequestAndAnUnknownTripIsNotFound() {
        UUID tripId = createTrip();
        for (String bad : new String[] {"abc", "-1", "12345678901234567890", "1.5"}) {
            var answer = http.send(http.request("/api/v1/trips/" + tripId + "/seats/stream")
                    .header("Accept", "text/event-stream")
                    .header("Last-Event-ID", bad)
                    .GET());
            answer.assertProblem(400, "validation");
            assertThat(answer.invalidFields()).as(bad).containsExactly("Last-Event-ID");
        }
        var unknown = http.send(http.request("/api/v1/trips/" + UUID.randomUUID() + "/seats/stream")
                .header("Accept", "text/event-stream")
                .GET());
        unknown.assertProblem(404, "not-found");
    }

    @Test
    void theOpenApiDocumentDescribesTheStream() {
        JsonNode stream = http.get("/v3/api-docs")
                .assertStatus(200)
                .json()
                .path("paths")
                .path("/api/v1/trips/{tripId}/seats/stream");

        assertThat(stream.path("get").path("summary").asString()).contains("Server-Sent Events");
        assertThat(stream.path("get").path("responses").has("503")).isTrue();
        assertThat(stream.path("get")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .has("text/event-stream"))
                .isTrue();
    }
}
