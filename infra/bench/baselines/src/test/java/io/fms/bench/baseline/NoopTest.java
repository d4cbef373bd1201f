package io.fms.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The HTTP ceiling needs no database: none is configured here, and every call still answers. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "fms.baseline.design=noop",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
            "spring.data.redis.port=1"
        })
class NoopTest {

    @LocalServerPort
    int port;

    @Test
    void parsesTheBookingAndAnswersAFixedBody() {
        BaselineHttp http = new BaselineHttp(port);
        UUID trip = UUID.randomUUID();
        http.putTrip(trip, 30, "ABCDEF").assertStatus(204);
        http.get("/health").assertStatus(200);

        JsonNode first = http.book(BaselineHttp.bookingBody(trip, 2, List.of("1A", "1B")), "a")
                .assertStatus(200)
                .json();
        assertThat(first.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(http.book(BaselineHttp.bookingBody(trip, 1, List.of()), "b").json())
                .isEqualTo(first);

        http.book("{\"tripId\": ", null).assertProblem(400, "malformed-request");
        http.book(BaselineHttp.bookingBody(trip, 0, List.of()), null).assertProblem(400, "validation");
        http.get("/nowhere").assertProblem(404, "not-found");
        http.delete("/data").assertStatus(204);
    }
}
