package io.fms.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.Http;
import io.fms.testkit.FmsTestInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The door's limit against real Redis, with a small bucket (burst 3, then 1 per second). The test client is always
 * 127.0.0.1, configured here as a trusted proxy, so each test plays its own client through X-Forwarded-For.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "fms.rate-limit.per-client-per-second=1",
            "fms.rate-limit.per-client-burst=3",
            "fms.rate-limit.trusted-proxies=127.0.0.1, ::1",
            "fms.rate-limit.exempt=192.0.2.0/28"
        })
class RateLimitIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        FmsTestInfrastructure.register(registry);
    }

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aClientBeyondItsBurstIsRefused429WithRetryAfterWhileOthersAndReadsPass() {
        String bot = "203.0.113." + (1 + (int) (Math.random() * 200));
        submitFrom("198.51.100.1").assertProblem(400, "validation"); // warms the path up
        // Bodies the intake refuses (no trip): what matters is that they got past the door. The burst passes; a
        // slow machine may refill a token or two meanwhile (1 per second), so the refusal may come a little later.
        for (int i = 0; i < 3; i++) {
            submitFrom(bot).assertProblem(400, "validation");
        }
        Http.Response refused = submitFrom(bot);
        for (int extra = 0; extra < 5 && refused.status() != 429; extra++) {
            refused = submitFrom(bot);
        }

        refused.assertProblem(429, "rate-limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
        http.send(http.request("/api/v1/bookings/" + UUID.randomUUID())
                        .header("X-Forwarded-For", bot)
                        .DELETE())
                .assertProblem(429, "rate-limited");
        // A payment confirmation costs a Kafka record as well.
        http.send(http.request("/api/v1/bookings/" + UUID.randomUUID() + "/confirmation")
                        .header("X-Forwarded-For", bot)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"paymentReference\": \"psp_1\"}")))
                .assertProblem(429, "rate-limited");

        submitFrom("198.51.100.9").assertProblem(400, "validation");
        http.send(http.request("/api/v1/bookings/" + UUID.randomUUID())
                        .header("X-Forwarded-For", bot)
                        .GET())
                .assertProblem(404, "not-found");
    }

    @Test
    void everyLimitedAnswerTellsTheClientItsBudget() {
        String client = "203.0.113." + (1 + (int) (Math.random() * 200));
        Http.Response first = submitFrom(client);

        assertThat(first.header("RateLimit-Limit")).isEqualTo("3");
        assertThat(first.header("RateLimit-Remaining")).isEqualTo("2");
        assertThat(Integer.parseInt(first.header("RateLimit-Reset"))).isBetween(1, 2);
        Http.Response second = submitFrom(client);
        assertThat(Integer.parseInt(second.header("RateLimit-Remaining"))).isBetween(1, 2);
        Http.Response refused = submitFrom(client);
        for (int extra = 0; extra < 5 && refused.status() != 429; extra++) {
            refused = submitFrom(client);
        }
        refused.assertProblem(429, "rate-limited");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("RateLimit-Reset")).isEqualTo(refused.header("Retry-After"));
    }

    @Test
    void anExemptClientIsNeverLimitedWhileItsNeighbourIs() {
        for (int i = 0; i < 10; i++) {
            Http.Response exempt = submitFrom("192.0.2.7");
            exempt.assertProblem(400, "validation");
            assertThat(exempt.header("RateLimit-Limit")).isNull();
        }
        // Just outside the exempt /28: limited like anyone.
        Http.Response neighbour = submitFrom("192.0.2.16");
        for (int extra = 0; extra < 8 && neighbour.status() != 429; extra++) {
            neighbour = submitFrom("192.0.2.16");
        }
        neighbour.assertProblem(429, "rate-limited");
    }

    @Test
    void ipv6ClientsCountPerSlash64() {
        String prefix = "2001:db8:" + Integer.toHexString(1 + (int) (Math.random() * 0xfffe)) + ":1:";
        for (int i = 0; i < 3; i++) {
            submitFrom(prefix + ":" + (i + 1)).assertProblem(400, "validation");
        }
        submitFrom(prefix + ":99").assertProblem(429, "rate-limited");
    }

    private Http.Response submitFrom(String client) {
        return http.postJson("/api/v1/bookings", "{\"passengers\": []}", "X-Forwarded-For", client);
    }
}
